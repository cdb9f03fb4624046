/** Small-base rules: flag bases under flagBelow (default 30), suppress under suppressBelow (default 10). */
export interface SmallBaseRules {
  flagBelow: number;
  suppressBelow: number;
}

export const DEFAULT_SMALL_BASE_RULES: SmallBaseRules = { flagBelow: 30, suppressBelow: 10 };

/** 'ok', 'small' (show with a warning: n < flagBelow) or 'suppressed' (n < suppressBelow: show no figures). */
export type BaseStatus = 'ok' | 'small' | 'suppressed';

export function baseStatus(n: number, rules: Partial<SmallBaseRules> = {}): BaseStatus {
  const r = { ...DEFAULT_SMALL_BASE_RULES, ...rules };
  if (n < r.suppressBelow) return 'suppressed';
  if (n < r.flagBelow) return 'small';
  return 'ok';
}
