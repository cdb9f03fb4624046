import { type Result, ratioOf, type Verdict, verdict } from './types.js';

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toString() : n.toPrecision(3));

function describeTarget(r: Result): string {
  const t = r.target;
  const base = r.baseline?.name ?? 'baseline';
  switch (t.kind) {
    case 'none':
      return 'no target';
    case 'atLeast':
      return `target >= ${fmt(t.value)} ${r.unit}`;
    case 'atMost':
      return `target <= ${fmt(t.value)} ${r.unit}`;
    case 'ratioAtLeast':
      return `target >= ${Math.round(t.ratio * 100)}% of ${base}`;
    case 'ratioAtMost':
      return `target <= ${Math.round(t.ratio * 100)}% of ${base}`;
  }
}

function describeRatio(r: Result): string {
  const ratio = ratioOf(r);
  if (ratio === undefined || !r.baseline) return '';
  return `ratio ${ratio.toFixed(2)} of ${r.baseline.name} (${fmt(r.baseline.value)})`;
}

export interface Row {
  benchmark: string;
  result: Result;
  verdict: Verdict;
}

export function toRows(benchmark: string, results: Result[]): Row[] {
  return results.map((result) => ({ benchmark, result, verdict: verdict(result) }));
}

/** One aligned line per figure: name, value, target, ratio to the baseline, verdict. */
export function formatTable(rows: Row[]): string {
  const cells = rows.map((row) => [
    row.result.name,
    `${fmt(row.result.value)} ${row.result.unit}`,
    describeTarget(row.result),
    describeRatio(row.result),
    row.verdict,
  ]);
  const header = ['figure', 'value', 'target', 'ratio', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('   ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function formatLine(row: Row): string {
  return formatTable([row]).split('\n')[2] ?? '';
}
