/** CSV downloads of result tables: every figure unrounded, suppressed cells say so. */
import type { CrossTab } from './crossTab.js';
import type { QuestionResult } from './types.js';

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const line = (values: unknown[]) => `${values.map(cell).join(',')}\r\n`;

export function questionCsv(q: QuestionResult, weighted: boolean): string {
  const head = ['question', 'option', 'label', 'substantive', 'count', 'percent', 'ci95_low', 'ci95_high', ...(weighted ? ['weighted_count', 'weighted_percent', 'se'] : []), 'base_n', 'base'];
  let out = line(head);
  const rows = [...q.options.map((o) => ({ o, s: true })), ...q.nonSubstantive.map((o) => ({ o, s: false }))];
  for (const { o, s } of rows) {
    const suppressed = o.count === null;
    out += line([
      q.code,
      o.value,
      o.label,
      s ? 'yes' : 'no',
      suppressed ? 'too small to publish' : o.count,
      o.percent,
      o.ci95?.[0],
      o.ci95?.[1],
      ...(weighted ? [o.weightedCount, o.weightedPercent, o.se] : []),
      q.base.n,
      q.base.description,
    ]);
  }
  if (rows.length === 0) out += line([q.code, '', 'answered', 'yes', q.answered, '', '', '', ...(weighted ? ['', '', ''] : []), q.base.n, q.base.description]);
  return out;
}

export function crossTabCsv(t: CrossTab): string {
  let out = line(['question', 'breakdown', 'group', 'group_n', 'option', 'label', 'count', 'column_percent', 'ci95_low', 'ci95_high', 'weighted_percent', 'se']);
  t.columns.forEach((c, g) => {
    for (const r of t.rows) {
      const x = r.cells[g];
      out += line([t.question.code, t.breakdown.code, c.label, c.n, r.value, r.label, x ? x.count : 'too small to publish', x?.percent, x?.ci95?.[0], x?.ci95?.[1], x?.weightedPercent, x?.se]);
    }
  });
  return out;
}
