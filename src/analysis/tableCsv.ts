/** CSV and XLSX downloads of result tables: every figure unrounded, suppressed cells say so. */
import ExcelJS from 'exceljs';
import { csvLine, xlsxCell } from '../platform/csvSafe.js';
import type { CrossTab } from './crossTab.js';
import type { QuestionResult } from './types.js';

/** A question's table as rows, the header first. */
export function questionRows(q: QuestionResult, weighted: boolean): unknown[][] {
  const head = [
    'question',
    'option',
    'label',
    'substantive',
    'count',
    'percent',
    'ci95_low',
    'ci95_high',
    ...(weighted ? ['weighted_count', 'weighted_percent', 'se'] : []),
    'base_n',
    'base',
  ];
  const out: unknown[][] = [head];
  const rows = [...q.options.map((o) => ({ o, s: true })), ...q.nonSubstantive.map((o) => ({ o, s: false }))];
  for (const { o, s } of rows) {
    const suppressed = o.count === null;
    out.push([
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
  if (rows.length === 0)
    out.push([q.code, '', 'answered', 'yes', q.answered, '', '', '', ...(weighted ? ['', '', ''] : []), q.base.n, q.base.description]);
  return out;
}

/** A cross-tab as rows (one per group and answer), the header first. */
export function crossTabRows(t: CrossTab): unknown[][] {
  const out: unknown[][] = [
    ['question', 'breakdown', 'group', 'group_n', 'option', 'label', 'count', 'column_percent', 'ci95_low', 'ci95_high', 'weighted_percent', 'se'],
  ];
  t.columns.forEach((c, g) => {
    for (const r of t.rows) {
      const x = r.cells[g];
      out.push([
        t.question.code,
        t.breakdown.code,
        c.label,
        c.n,
        r.value,
        r.label,
        x ? x.count : 'too small to publish',
        x?.percent,
        x?.ci95?.[0],
        x?.ci95?.[1],
        x?.weightedPercent,
        x?.se,
      ]);
    }
  });
  return out;
}

export const toCsv = (rows: unknown[][]): string => rows.map(csvLine).join('');

export async function toXlsx(rows: unknown[][], sheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.slice(0, 31));
  for (const r of rows) ws.addRow(r.map(xlsxCell));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
