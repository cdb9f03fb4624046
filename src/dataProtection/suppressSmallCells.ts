/**
 * Small-cell suppression for open data, a k-anonymity rule over the key columns (the columns that say where or who a
 * respondent is rather than what they think: the ward). Pure.
 *
 * 1. Rows are grouped by their combination of key values. A group smaller than the minimum has its key cells blanked.
 * 2. Blanked rows join the rows that left every key blank. If that pool is still smaller than the minimum (yet not
 *    empty of blanked rows), the next smallest groups are blanked too (smallest first, ties by value), until it is not
 *    or none are left, so no blanked row can be told apart by subtracting published groups from the total.
 */
export type Cell = string | number;

export interface Suppressed {
  rows: Cell[][];
  /** Indexes of the rows whose key cells were blanked. */
  blanked: number[];
}

export function suppressSmallCells(rows: readonly (readonly Cell[])[], keys: readonly number[], minimum: number): Suppressed {
  const out = rows.map((row) => [...row]);
  if (keys.length === 0 || rows.length === 0) return { rows: out, blanked: [] };
  const groups = new Map<string, number[]>();
  let unanswered = 0;
  rows.forEach((row, index) => {
    const values = keys.map((k) => row[k] ?? '');
    if (values.every((v) => v === '')) {
      unanswered++;
      return;
    }
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? [];
    group.push(index);
    groups.set(key, group);
  });
  const ordered = [...groups].sort((a, b) => a[1].length - b[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const blanked: number[] = [];
  let next = 0;
  for (; next < ordered.length && (ordered[next]?.[1].length ?? 0) < minimum; next++) blanked.push(...(ordered[next]?.[1] ?? []));
  if (blanked.length > 0) for (; next < ordered.length && blanked.length + unanswered < minimum; next++) blanked.push(...(ordered[next]?.[1] ?? []));
  for (const index of blanked) for (const k of keys) (out[index] as Cell[])[k] = '';
  return { rows: out, blanked: blanked.sort((a, b) => a - b) };
}
