/**
 * A cross-tab as the documented JSON for scripts (`saferplan analyse ID --crosstab Q --by B`, GET /api/v1/consultations/{id}/crosstab):
 * one cell per answer and group with full precision; the dashboard shows the same figures rounded. Pure.
 */
import type { SmallBaseRules } from '../stats/index.js';
import type { CrossTab } from './crossTab.js';
import type { CrossTabResult } from './types.js';

export function crossTabResult(t: CrossTab, context: { weighted: boolean; filters: Record<string, string>; rules: SmallBaseRules }): CrossTabResult {
  const { weighted } = context;
  const cells = t.rows.flatMap((row) =>
    t.columns.map((column, g) => {
      const cell = row.cells[g];
      return {
        row: row.value,
        column: column.value,
        count: cell ? cell.count : null,
        percent: cell?.percent ?? null,
        ci95: cell?.ci95 ?? null,
        weightedPercent: weighted ? (cell?.weightedPercent ?? null) : null,
        se: weighted ? (cell?.se ?? null) : null,
      };
    }),
  );
  const test = t.test
    ? t.test.method === 'pearson'
      ? { method: t.test.method, statistic: t.test.statistic, df: [t.test.df], p: t.test.p }
      : { method: t.test.method, statistic: t.test.statistic, df: [t.test.ndf, t.test.ddf].filter((d): d is number => d !== null), p: t.test.p }
    : null;
  return {
    question: t.question.code,
    by: t.breakdown.code,
    weighted,
    cells,
    test,
    questionLabel: t.question.label,
    byLabel: t.breakdown.label,
    rows: t.rows.map((r) => ({ value: r.value, label: r.label })),
    columns: t.columns.map((c) => ({
      value: c.value,
      label: c.label,
      n: c.n,
      status: c.status,
      ...(weighted ? { weightedN: c.weightedN ?? null } : {}),
    })),
    filters: { ...context.filters },
    rules: { flagBelow: context.rules.flagBelow, suppressBelow: context.rules.suppressBelow },
    tooSmall: t.tooSmall,
    note: t.message ?? t.testNote,
  };
}
