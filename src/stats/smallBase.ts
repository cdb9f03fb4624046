/** Small-base rules: flag bases under flagBelow (default 30), suppress under suppressBelow (default 10). */
export interface SmallBaseRules {
  flagBelow: number;
  suppressBelow: number;
}

export const DEFAULT_SMALL_BASE_RULES: SmallBaseRules = { flagBelow: 30, suppressBelow: 10 };

/** 'ok', 'small' (show with a warning: n < flagBelow) or 'suppressed' (n < suppressBelow: show no figures). */
export type BaseStatus = 'ok' | 'small' | 'suppressed';

/**
 * The small-base rule for a base of n respondents.
 *
 * @param rules - thresholds; missing ones take DEFAULT_SMALL_BASE_RULES (flag under 30, suppress under 10)
 * @example
 * baseStatus(9); // => 'suppressed'
 * baseStatus(25); // => 'small'
 * baseStatus(12, { suppressBelow: 20 }); // => 'suppressed'
 */
export function baseStatus(n: number, rules: Partial<SmallBaseRules> = {}): BaseStatus {
  const r = { ...DEFAULT_SMALL_BASE_RULES, ...rules };
  if (n < r.suppressBelow) return 'suppressed';
  if (n < r.flagBelow) return 'small';
  return 'ok';
}
