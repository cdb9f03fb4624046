/**
 * Downloads of result tables for people (CSV and XLSX): a title, what was analysed, then the table with answers'
 * labels beside their codes, percentages rounded to one decimal place as the dashboard shows them, then the base
 * and the source. A cross-tab has the dashboard's shape: answers down, groups across. Every cell goes through
 * platform/csvSafe.ts. Scripts wanting full precision use the JSON (the API or `saferplan analyse`). Pure, except
 * that the XLSX is written by exceljs.
 */
import ExcelJS from 'exceljs';
import type { Consultation } from '../consultations/index.js';
import { csvLine, xlsxCell } from '../platform/csvSafe.js';
import { formatLondon } from '../platform/londonTime.js';
import type { CrossTab } from './crossTab.js';
import type { AnalysisResult, OptionResult, QuestionResult } from './types.js';

/** A figure to show rounded: CSV gets the rounded text, XLSX the rounded number with that many decimals shown. */
export interface Rounded {
  value: number;
  decimals: number;
}
export type DownloadCell = string | number | Rounded | null;

export interface Download {
  /** File name without extension; also the sheet's name. */
  name: string;
  title: string;
  /** Lines under the title: the consultation, the filters, the weighting. */
  context: string[];
  header: string[];
  rows: DownloadCell[][];
  /** Lines after the table: the base, the test, the rules, the source. */
  notes: string[];
}

/** What every download of an analysis says about where it came from. */
export interface DownloadSource {
  consultation: Pick<Consultation, 'title' | 'opensAt' | 'closesAt' | 'isDemo'>;
  partnershipName: string;
  result: Pick<AnalysisResult, 'n' | 'totalResponses' | 'weighted' | 'weighting' | 'filters' | 'rules' | 'questions'>;
  /** When the file was made. */
  at: Date;
}

const TOO_SMALL = 'Too small to publish';
const round = (value: number | null | undefined, decimals: number): Rounded | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { value: Number(value.toFixed(decimals)), decimals };
const pct = (v: number | null | undefined) => round(v, 1);

/** "Ward: Earlsdon, Sex: Female", from the questions' own labels. */
function filterText(result: DownloadSource['result']): string {
  const parts = Object.entries(result.filters).map(([code, value]) => {
    const q = result.questions.find((x) => x.code === code);
    const option = q && [...q.options, ...q.nonSubstantive].find((o) => o.value === value);
    const name = q ? q.label : code.charAt(0).toUpperCase() + code.slice(1);
    return `${name}: ${option?.label ?? value}`;
  });
  return parts.length > 0 ? `Only respondents with ${parts.join('; ')} (${result.n} of ${result.totalResponses}).` : `All ${result.n} respondents.`;
}

function context(s: DownloadSource): string[] {
  const w = s.result.weighting;
  return [
    `${s.consultation.title}, ${formatLondon(s.consultation.opensAt, 'date')} to ${formatLondon(s.consultation.closesAt, 'date')}.`,
    filterText(s.result),
    s.result.weighted && w
      ? `Weighted to population margins (${w.variables.join(', ')}) by raking; weighted figures beside unweighted ones.`
      : 'Unweighted.',
  ];
}

function sourceNotes(s: DownloadSource): string[] {
  return [
    `Percentages are rounded to one decimal place. Figures for fewer than ${s.result.rules.suppressBelow} respondents are not published; bases under ${s.result.rules.flagBelow} are small.`,
    `Source: ${s.partnershipName}, ${s.consultation.title}${s.consultation.isDemo ? ' (demonstration data, not real responses)' : ''}. Made with SaferPlan on ${formatLondon(s.at.toISOString(), 'date')}.`,
  ];
}

/** A file name from codes: letters, digits, - and _ only. */
const fileName = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 80);

/** A question's table: each answer's label and code, count, % and interval (and weighted figures), then those not in the base. */
export function questionDownload(q: QuestionResult, s: DownloadSource): Download {
  const weighted = s.result.weighted;
  const ranking = q.type === 'ranking';
  const header = [
    'Answer',
    'Code',
    'Count',
    ranking ? '% ranking it first' : '%',
    '95% CI low',
    '95% CI high',
    ...(ranking ? ['Mean rank'] : []),
    ...(weighted ? ['Weighted count', 'Weighted %', 'SE'] : []),
  ];
  const row = (o: OptionResult): DownloadCell[] => {
    const hidden = o.count === null;
    return [
      o.label,
      o.value,
      hidden ? TOO_SMALL : o.count,
      pct(o.percent),
      pct(o.ci95?.[0]),
      pct(o.ci95?.[1]),
      ...(ranking ? [round(o.meanRank, 2)] : []),
      ...(weighted ? [round(o.weightedCount, 0), pct(o.weightedPercent), round(o.se, 2)] : []),
    ];
  };
  const rows: DownloadCell[][] = q.options.map(row);
  if (q.nonSubstantive.length > 0) {
    rows.push([], ['Not in the base (% of everyone who answered)'], ...q.nonSubstantive.map(row));
  }
  if (q.options.length === 0) rows.push(['Answered', '', q.answered]);
  if (q.mean !== null && q.mean !== undefined) rows.push(['Mean', '', round(q.mean, 2)]);
  const base = [q.base.description];
  if (weighted && q.base.weightedN !== null && q.base.weightedN !== undefined) base.push(`Weighted base ${q.base.weightedN.toFixed(0)}.`);
  if (q.note) base.push(q.note);
  return { name: fileName(q.code), title: q.label, context: context(s), header, rows, notes: [...base, ...sourceNotes(s)] };
}

/** A cross-tab as on the dashboard: answers down, groups across, each group's base first; weighted figures and counts below. */
export function crossTabDownload(t: CrossTab, s: DownloadSource, testText: string | null): Download {
  const weighted = s.result.weighted;
  const header = ['Answer', 'Code', ...t.columns.map((c) => c.label)];
  const block = (heading: string, figure: (cell: NonNullable<CrossTab['rows'][number]['cells'][number]>) => DownloadCell): DownloadCell[][] => [
    [heading],
    ...t.rows.map((r) => [r.label, r.value, ...r.cells.map((cell) => (cell ? figure(cell) : TOO_SMALL))]),
  ];
  const rows: DownloadCell[][] = [
    ['Base (respondents)', '', ...t.columns.map((c) => c.n)],
    ...(weighted ? [['Weighted base', '', ...t.columns.map((c) => round(c.weightedN, 0) ?? (c.status === 'suppressed' ? TOO_SMALL : null))]] : []),
  ];
  if (t.tooSmall) rows.push([t.message ?? TOO_SMALL]);
  else {
    rows.push(...block('Column %', (cell) => pct(cell.percent)));
    if (weighted) rows.push(...block('Weighted column %', (cell) => pct(cell.weightedPercent)));
    rows.push(...block('Count', (cell) => cell.count));
  }
  const notes = [
    `Base: respondents in each group who answered${t.question.type === 'multiple_choice' ? ' (choosing at least one option)' : ''}, excluding "don't know" and similar answers.`,
    ...(testText ? [testText] : []),
    ...(t.testNote && !t.tooSmall ? [t.testNote] : []),
    ...sourceNotes(s),
  ];
  return {
    name: fileName(`${t.question.code}-by-${t.breakdown.code}`),
    title: `${t.question.label} by ${t.breakdown.label.toLowerCase()}`,
    context: context(s),
    header,
    rows,
    notes,
  };
}

const csvValue = (cell: DownloadCell) => (cell !== null && typeof cell === 'object' ? cell.value.toFixed(cell.decimals) : cell);

/** Title and context lines, a blank line, the header and rows, a blank line, the notes. */
export function toCsv(d: Download): string {
  const lines = [[d.title], ...d.context.map((c) => [c]), [], d.header, ...d.rows.map((r) => r.map(csvValue)), [], ...d.notes.map((n) => [n])];
  return lines.map(csvLine).join('');
}

/** The same as the CSV on one sheet: the header row (and the answers' column) frozen, widths to fit, rounded numbers shown rounded. */
export async function toXlsx(d: Download): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(d.name.slice(0, 31) || 'Results');
  ws.addRow([xlsxCell(d.title)]).font = { bold: true, size: 14 };
  for (const c of d.context) ws.addRow([xlsxCell(c)]);
  ws.addRow([]);
  const head = ws.addRow(d.header.map(xlsxCell));
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  for (const r of d.rows) {
    const row = ws.addRow(r.map((cell) => (cell !== null && typeof cell === 'object' ? cell.value : xlsxCell(cell))));
    r.forEach((cell, i) => {
      if (cell !== null && typeof cell === 'object') row.getCell(i + 1).numFmt = cell.decimals === 0 ? '0' : `0.${'0'.repeat(cell.decimals)}`;
    });
    if (r.length === 1) row.font = { bold: true };
  }
  ws.addRow([]);
  for (const n of d.notes) ws.addRow([xlsxCell(n)]);
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: head.number, topLeftCell: `B${head.number + 1}` }];
  ws.columns.forEach((column, i) => {
    column.width = columnWidth(d, i);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Characters wide: the longest header word or cell of the table (not the title or notes), within 8 to 50 (12 to 60 for the answers). */
export function columnWidth(d: Pick<Download, 'header' | 'rows'>, i: number): number {
  const cells = d.rows.filter((r) => r.length > 1).map((r) => csvValue(r[i] ?? null));
  const longest = Math.max(...(d.header[i] ?? '').split(/\s+/).map((w) => w.length), ...cells.map((c) => String(c ?? '').length));
  return i === 0 ? Math.min(60, Math.max(12, longest + 2)) : Math.min(50, Math.max(8, longest + 2));
}
