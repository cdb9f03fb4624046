/**
 * An import's reading, without the database: every row of the file is read, checked against the survey and redacted
 * (checkAnswers), and the good rows handed on in batches while the file is read, until the first problem; after
 * that the rest is still checked, so every problem (up to MAX_PROBLEMS) is reported at once. In the server it runs on
 * a worker thread of low priority (checkRowsInWorker.ts), so a big file never holds up the requests it answers.
 */
import { fromBool, toJson } from '../../db/columnTypes.js';
import { formatLondon } from '../../platform/londonTime.js';
import { londonDay, readUkDateTime } from '../../platform/ukDate.js';
import type { SurveyDefinition, Ward } from '../../surveys/index.js';
import { CHANNELS, type Channel } from '../channels.js';
import { checkAnswers } from '../checkAnswers.js';
import { readTable, type TableFormat } from '../readTable.js';
import type { ResponseRow } from '../responseRow.js';
import { DEFAULT_LIMITS, type TableLimits } from '../tableRow.js';

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export const MAX_PROBLEMS = 1000;

/** Everything staging needs, as plain data (it crosses to a worker thread). */
export interface CheckInput {
  file: string;
  format: TableFormat | undefined;
  consultation: { id: string; partnershipId: string; surveyVersion: number; opensAt: string; isDemo: boolean };
  definition: SurveyDefinition;
  wards: Ward[];
  importId: string;
  enteredBy: string | null;
  /** Used when a row has no channel (default: import); checked like a row's own. */
  defaultChannel: string | undefined;
  /** The time of the import: a row without submitted_at gets it, and no row may be later. */
  now: string;
}

export interface CheckOutcome {
  rowsRead: number;
  /** Empty when every row is good: then every row was handed on. */
  problems: ImportProblem[];
}

/** Good rows handed on at a time: the writer commits them in small batches, after any waiting submission. */
export const ROWS_PER_BATCH = 250;

/** Longest the staging reads before letting other work on its thread run (a turn of the event loop). */
const TURN_MS = 4;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function* checkRows(input: CheckInput): AsyncGenerator<ResponseRow[], CheckOutcome> {
  const { consultation, definition, wards, now } = input;
  const problems: ImportProblem[] = [];
  const today = londonDay(now);
  const openedOn = londonDay(consultation.opensAt);
  let batch: ResponseRow[] = [];
  let rowsRead = 0;
  let turnStarted = performance.now();
  for await (const { rowNumber, cells } of readTable(input.file, input.format, limitsFor(definition))) {
    rowsRead++;
    const row = toRow(rowNumber, cells);
    if (row && problems.length === 0) batch.push(row);
    if (problems.length >= MAX_PROBLEMS) break;
    if (batch.length >= ROWS_PER_BATCH) {
      yield batch;
      batch = [];
    }
    if (performance.now() - turnStarted > TURN_MS) {
      await nextTurn();
      turnStarted = performance.now();
    }
  }
  if (batch.length > 0 && problems.length === 0) yield batch;
  if (rowsRead === 0) problems.push({ row: 2, column: '(none)', message: 'The file has a header row but no responses' });
  return { rowsRead, problems };

  function toRow(rowNumber: number, cells: Record<string, string>): ResponseRow | undefined {
    const { reference: _ignored, channel: channelCell, submitted_at: submittedCell, ...answers } = cells;
    const channel = (channelCell?.trim().toLowerCase() || input.defaultChannel || 'import') as Channel;
    const before = problems.length;
    if (!CHANNELS.includes(channel)) problems.push({ row: rowNumber, column: 'channel', message: `Channel must be one of ${CHANNELS.join(', ')}` });
    let submittedAt = now;
    if (submittedCell?.trim()) {
      const when = readUkDateTime(submittedCell);
      const problem = !when
        ? `"${submittedCell.trim()}" is not a date: enter it like 10/07/2024, 10/07/2024 14:30 or 2024-07-10`
        : when.day < openedOn || (when.hasTime && when.instant < consultation.opensAt)
          ? `${submittedCell.trim()} is before the consultation opened (${formatLondon(consultation.opensAt)})`
          : when.day > today || when.instant > now
            ? `${submittedCell.trim()} is in the future`
            : undefined;
      if (problem) problems.push({ row: rowNumber, column: 'submitted_at', message: problem });
      else if (when) submittedAt = when.instant;
    }
    const result = checkAnswers(definition, answers, { wards, keyedIn: true });
    if (!result.ok) {
      for (const e of result.errors) problems.push({ row: rowNumber, column: e.field, message: e.message });
      return undefined;
    }
    if (problems.length > before) return undefined;
    return {
      partnership_id: consultation.partnershipId,
      consultation_id: consultation.id,
      survey_version: consultation.surveyVersion,
      channel,
      answers: toJson(result.answers),
      submitted_at: submittedAt,
      entered_by: input.enteredBy,
      idempotency_key: null,
      import_id: input.importId,
      is_demo: fromBool(consultation.isDemo),
    };
  }
}

/** A cell may be as long as the survey's longest free-text answer allows, and at least the default. */
function limitsFor(definition: SurveyDefinition): TableLimits {
  let longest = DEFAULT_LIMITS.maxCellChars;
  for (const page of definition.pages)
    for (const q of page.questions) if ('maxLength' in q && typeof q.maxLength === 'number') longest = Math.max(longest, q.maxLength);
  return { ...DEFAULT_LIMITS, maxCellChars: longest };
}
