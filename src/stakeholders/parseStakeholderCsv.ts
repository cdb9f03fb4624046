/** A stakeholder CSV read and checked whole: every problem named by row and column, or every contact. Pure. */
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, type StakeholderFields, stakeholderFields } from './stakeholderFields.js';

export interface CsvProblem {
  /** The line in the file (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export type ParsedCsv = { ok: true; contacts: StakeholderFields[] } | { ok: false; problems: CsvProblem[] };

const COLUMN_OF: Record<string, string> = Object.fromEntries(CSV_COLUMNS.map(([column, field]) => [field, column]));

export function parseStakeholderCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { ok: false, problems: [{ row: line ?? 1, column: '', message: `The file is not readable CSV: ${(err as Error).message}` }] };
  }
  const [header = [], ...rows] = records;
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter(([column]) => !names.includes(column)).map(([column]) => column);
  if (missing.length) return { ok: false, problems: missing.map((column) => ({ row: 1, column, message: `The header has no ${column} column` })) };
  if (rows.length === 0) return { ok: false, problems: [{ row: 2, column: '', message: 'The file has no contacts under its header' }] };
  const problems: CsvProblem[] = [];
  const contacts: StakeholderFields[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const input = Object.fromEntries(CSV_COLUMNS.map(([column, field]) => [field, (cells[names.indexOf(column)] ?? '').trim()]));
    if (typeof input.sector === 'string') input.sector = input.sector.toLowerCase();
    const parsed = stakeholderFields.safeParse(input);
    if (!parsed.success)
      for (const issue of parsed.error.issues) problems.push({ row, column: COLUMN_OF[String(issue.path[0])] ?? '', message: issue.message });
    const email = String(input.email).toLowerCase();
    const earlier = firstRowOf.get(email);
    if (email && earlier !== undefined) problems.push({ row, column: 'email', message: `${email} is already on row ${earlier}` });
    else firstRowOf.set(email, row);
    if (parsed.success) contacts.push(parsed.data);
  });
  return problems.length ? { ok: false, problems } : { ok: true, contacts };
}
