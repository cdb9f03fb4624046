/**
 * A bulk progress update as CSV (docs/plan.md): `action,status,progress,note,date`, one row per action named by its
 * reference (A1, A2...). Pure: the plan's action references in, the rows or every problem (row and column) out.
 */
import { parse } from 'csv-parse/sync';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from '../planTerms.js';

export interface ProgressRow {
  row: number;
  reference: string;
  status: ActionStatus;
  progress: number;
  note: string;
  /** yyyy-mm-dd, when given: the date the progress is as at. */
  date: string | null;
}

export interface ProgressProblem {
  row: number;
  column: string;
  message: string;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const HEADERS = {
  action: ['action', 'reference', 'actionreference', 'ref'],
  status: ['status'],
  progress: ['progress', 'percent', 'progresspercent'],
  note: ['note', 'notes', 'comment', 'update'],
  date: ['date', 'asat', 'updated'],
};
const statusByText = new Map<string, ActionStatus>(
  ACTION_STATUSES.flatMap((s) => [
    [squash(s), s],
    [squash(ACTION_STATUS_LABELS[s]), s],
  ]),
);

const realDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

export function readProgressCsv(
  text: string,
  references: ReadonlySet<string>,
): { ok: true; rows: ProgressRow[] } | { ok: false; problems: ProgressProblem[] } {
  let records: string[][];
  try {
    // Line endings made one kind first: a file edited in two programs can mix them, which csv-parse would not split.
    records = parse(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    return {
      ok: false,
      problems: [{ row: (err as { lines?: number }).lines ?? 1, column: '', message: `The file is not readable CSV: ${(err as Error).message}` }],
    };
  }
  const [header = [], ...data] = records;
  const at = Object.fromEntries(Object.entries(HEADERS).map(([k, names]) => [k, header.findIndex((h) => names.includes(squash(h)))])) as Record<
    keyof typeof HEADERS,
    number
  >;
  const missing = (['action', 'status', 'progress'] as const).filter((k) => at[k] < 0);
  if (missing.length)
    return {
      ok: false,
      problems: missing.map((k) => ({ row: 1, column: k, message: `The header has no ${k} column (expected: action,status,progress,note,date)` })),
    };
  if (!data.length) return { ok: false, problems: [{ row: 2, column: '', message: 'The file has no rows under its header' }] };
  const problems: ProgressProblem[] = [];
  const rows: ProgressRow[] = [];
  const seen = new Map<string, number>();
  data.forEach((cells, i) => {
    const row = i + 2;
    const cell = (k: keyof typeof HEADERS) => (at[k] >= 0 ? (cells[at[k]] ?? '') : '');
    const reference = cell('action').toUpperCase();
    const before = problems.length;
    if (!reference) problems.push({ row, column: 'action', message: 'Enter the action’s reference (for example A1)' });
    else if (!references.has(reference)) problems.push({ row, column: 'action', message: `There is no action ${reference} in this plan` });
    else if (seen.has(reference)) problems.push({ row, column: 'action', message: `${reference} is also on row ${seen.get(reference)}` });
    const status = statusByText.get(squash(cell('status')));
    if (!status)
      problems.push({
        row,
        column: 'status',
        message: `"${cell('status')}" is not a status: use ${ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]).join(', ')}`,
      });
    const progressText = cell('progress').replace(/%$/, '');
    const progress = /^\d{1,3}$/.test(progressText) ? Number(progressText) : Number.NaN;
    if (!(progress >= 0 && progress <= 100))
      problems.push({ row, column: 'progress', message: `"${cell('progress')}" is not a whole number from 0 to 100` });
    const note = cell('note');
    if (note.length > 2000) problems.push({ row, column: 'note', message: 'Keep the note to 2,000 characters' });
    // PostgreSQL's text cannot hold NUL (SQLite's can): refused here, naming the cell, rather than by the driver.
    if (note.includes('\u0000')) problems.push({ row, column: 'note', message: 'The note holds a NUL character, so the file is damaged' });
    const date = cell('date');
    if (date && !realDate(date)) problems.push({ row, column: 'date', message: `"${date}" is not a date like 2025-06-30` });
    if (reference) seen.set(reference, seen.get(reference) ?? row);
    if (problems.length === before) rows.push({ row, reference, status: status as ActionStatus, progress, note, date: date || null });
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
