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

/** A cell after the rules: its figures, or none when suppressed (the base is kept so the page can say why). */
export type RuledCell<T> = { status: 'ok' | 'small'; base: number; value: T } | { status: 'suppressed'; base: number; value: null };

/**
 * Applies the small-base rules to each cell (a table column, a subgroup, a whole question): figures of
 * cells whose base is under the suppression threshold are removed, not just hidden.
 */
export function applySmallBaseRules<T>(cells: readonly { base: number; value: T }[], rules: Partial<SmallBaseRules> = {}): RuledCell<T>[] {
  return cells.map((c) => {
    const status = baseStatus(c.base, rules);
    return status === 'suppressed' ? { status, base: c.base, value: null } : { status, base: c.base, value: c.value };
  });
}

/** True when nothing in the table may be published (every cell suppressed). */
export function isWhollySuppressed(cells: readonly { status: BaseStatus }[]): boolean {
  return cells.length === 0 || cells.every((c) => c.status === 'suppressed');
}
