import { chiSquareSurvival } from './distributions.js';

export interface PearsonChiSquareResult {
  statistic: number;
  df: number;
  p: number;
  /** Expected counts under independence, same shape as the table (rows x columns). */
  expected: number[][];
  minExpected: number;
  /** Cells with expected count < 5. */
  cellsExpectedBelow5: number;
  /** True when any expected count is below 5: the chi-square approximation may be poor. */
  lowExpectedWarning: boolean;
  /** Column percentages (0-100) of the full table; null for an empty column. */
  columnPercents: (number | null)[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  /** Rows / columns with a zero total, left out of the test (R would return NaN). */
  droppedRows: number[];
  droppedColumns: number[];
}

/**
 * Pearson chi-square test of independence on a rows x columns table of counts. Empty rows and columns are left
 * out of the test (R would give NaN).
 *
 * @param table - counts, rows x columns (every row the same length)
 * @returns X², df, p, expected counts and the small-expected-count warning; null when fewer than two non-empty
 *   rows or columns remain
 * @see R: chisq.test(table, correct = FALSE). Pearson, K. (1900) Philosophical Magazine 50(302), 157-175.
 * @example
 * pearsonChiSquare([[10, 20], [30, 40]]); // => { statistic: 0.7936508, df: 1, p: 0.3729985, minExpected: 12 }
 */
export function pearsonChiSquare(table: readonly (readonly number[])[]): PearsonChiSquareResult | null {
  const nr = table.length;
  const nc = nr > 0 ? (table[0] as readonly number[]).length : 0;
  const rowTotals = new Array<number>(nr).fill(0);
  const columnTotals = new Array<number>(nc).fill(0);
  for (let i = 0; i < nr; i++) {
    const r = table[i] as readonly number[];
    if (r.length !== nc) throw new RangeError('every row of the table must have the same length');
    for (let j = 0; j < nc; j++) {
      const v = r[j] as number;
      rowTotals[i] = (rowTotals[i] as number) + v;
      columnTotals[j] = (columnTotals[j] as number) + v;
    }
  }
  const total = rowTotals.reduce((s, v) => s + v, 0);
  const rows = rowTotals.map((t, i) => (t > 0 ? i : -1)).filter((i) => i >= 0);
  const cols = columnTotals.map((t, j) => (t > 0 ? j : -1)).filter((j) => j >= 0);
  const columnPercents = table.map((r) => r.map((v, j) => ((columnTotals[j] as number) > 0 ? (v / (columnTotals[j] as number)) * 100 : null)));
  if (rows.length < 2 || cols.length < 2) return null;
  const expected = table.map((_, i) => columnTotals.map((ct) => ((rowTotals[i] as number) * ct) / total));
  let statistic = 0;
  let minExpected = Infinity;
  let below = 0;
  for (const i of rows) {
    for (const j of cols) {
      const e = (expected[i] as number[])[j] as number;
      const o = (table[i] as readonly number[])[j] as number;
      statistic += ((o - e) * (o - e)) / e;
      if (e < minExpected) minExpected = e;
      if (e < 5) below++;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  return {
    statistic,
    df,
    p: chiSquareSurvival(statistic, df),
    expected,
    minExpected,
    cellsExpectedBelow5: below,
    lowExpectedWarning: below > 0,
    columnPercents,
    rowTotals,
    columnTotals,
    total,
    droppedRows: rowTotals.map((t, i) => (t > 0 ? -1 : i)).filter((i) => i >= 0),
    droppedColumns: columnTotals.map((t, j) => (t > 0 ? -1 : j)).filter((j) => j >= 0),
  };
}
