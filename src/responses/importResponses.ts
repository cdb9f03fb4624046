import type { ConsultationRuntimeCache } from '../consultations/index.js';
import { fromBool, newId, nowIso, toJson } from '../db/columnTypes.js';
import type { DbHandle } from '../db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { londonDay, readUkDateTime } from '../platform/ukDate.js';
import type { SurveyDefinition } from '../surveys/index.js';
import { CHANNELS, type Channel } from './channels.js';
import { checkAnswers } from './checkAnswers.js';
import { fileSha256 } from './fileSha256.js';
import { ResponseWriter } from './groupCommit.js';
import {
  completeImport,
  discardImport,
  type EarlierImport,
  earlierImportOf,
  type ImportKey,
  startImport,
  touchImport,
} from './queries/importRecords.js';
import { readTable, type TableFormat } from './readTable.js';
import { removeAbandonedImports } from './removeAbandonedImports.js';
import type { ResponseRow } from './responseRow.js';
import { StagedRows } from './stagedRows.js';
import { DEFAULT_LIMITS, type TableLimits } from './tableRow.js';
import { withUploadDirectory } from './uploadDirectory.js';

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** All or nothing: thrown with every problem found; nothing has been stored. */
export class ImportRejected extends AppError {
  constructor(
    readonly problems: ImportProblem[],
    readonly rowsRead: number,
  ) {
    const rows = new Set(problems.map((p) => p.row)).size;
    const stopped = problems.length >= MAX_PROBLEMS ? `, stopping at ${MAX_PROBLEMS} problems` : '';
    super(
      'validation_failed',
      422,
      `Nothing was imported: ${plural(problems.length, 'problem')} in ${plural(rows, 'row')} (${plural(rowsRead, 'row')} read${stopped})`,
      problems.slice(0, 200).map((p) => ({ field: `row ${p.row}, ${p.column}`, message: p.message })),
    );
  }
}

/** The same file (the same bytes) was imported into this consultation before: refused unless allowed. */
export class DuplicateImport extends AppError {
  constructor(readonly earlier: EarlierImport) {
    const name = earlier.fileName ? `"${earlier.fileName}"` : 'the same file';
    super(
      'conflict',
      409,
      `This file was imported before: ${name}, ${plural(earlier.rowCount, 'response')}, on ${formatLondon(earlier.completedAt)}${earlier.by ? ` by ${earlier.by}` : ''}. Nothing was imported. To import it again anyway, confirm that these are different responses.`,
    );
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface ImportResponsesOptions {
  handle: DbHandle;
  runtimes: ConsultationRuntimeCache;
  actor: Actor;
  consultationId: string;
  partnershipId?: string;
  file: string;
  format?: TableFormat;
  /** Used when a row has no channel (default: import); checked like a row's own, so any text may be given. */
  defaultChannel?: string;
  /** The file's name as the user knows it (an upload's own name), kept with the import. */
  fileName?: string;
  /** Import a file whose exact content was imported before into this consultation (else DuplicateImport). */
  allowDuplicate?: boolean;
  /** The app's response writer, so imported rows queue fairly with public submissions; else one of the import's own. */
  writer?: ResponseWriter;
}

const MAX_PROBLEMS = 1000;
/** Longest the import reads and validates before letting waiting requests be answered (a turn of the event loop). */
const TURN_MS = 4;
/** Rows read back from the staging file at a time; the writer commits them in small batches, after any waiting submission. */
const ROWS_PER_WRITE = 250;
/** How often a running import shows it is alive (removeAbandonedImports.ts). */
const TOUCH_EVERY_MS = 5000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * All or nothing, without holding the database: every row is read and validated first, outside any transaction,
 * and staged in a temporary file. Then the rows are written through the response writer 250 at a time, as
 * rows of an import that does not count yet (queries/countedResponses.ts), and one short transaction makes them all
 * count at once, with the audit entry. A failure removes what was written; a killed import is removed at the next
 * start (removeAbandonedImports.ts). Nobody waits for more than one short commit, whatever the file's size.
 */
export async function importResponses(options: ImportResponsesOptions): Promise<{ imported: number; importId: string }> {
  const runtime = await options.runtimes.get(options.consultationId);
  if (!runtime || (options.partnershipId && runtime.consultation.partnershipId !== options.partnershipId)) throw notFound('Consultation');
  const { consultation, definition, wards } = runtime;
  const importId = newId();
  const problems: ImportProblem[] = [];
  const now = nowIso();
  const today = londonDay(now);
  const openedOn = londonDay(consultation.opensAt);
  const contentSha256 = await fileSha256(options.file);
  if (!options.allowDuplicate) {
    const earlier = await earlierImportOf(options.handle.db, {
      partnershipId: consultation.partnershipId,
      consultationId: consultation.id,
      contentSha256,
    });
    if (earlier) throw new DuplicateImport(earlier);
  }

  return withUploadDirectory(async (dir) => {
    const staged = new StagedRows(dir);
    let rowsRead = 0;
    let turnStarted = performance.now();
    try {
      for await (const { rowNumber, cells } of readTable(options.file, options.format, limitsFor(definition))) {
        rowsRead++;
        const row = toRow(rowNumber, cells);
        if (row && problems.length === 0) await staged.add(row);
        if (problems.length >= MAX_PROBLEMS) break;
        if (performance.now() - turnStarted > TURN_MS) {
          await nextTurn();
          turnStarted = performance.now();
        }
      }
    } finally {
      await staged.finish();
    }
    if (rowsRead === 0) problems.push({ row: 2, column: '(none)', message: 'The file has a header row but no responses' });
    if (problems.length > 0) throw new ImportRejected(problems, rowsRead);
    await storeStaged(staged);
    return { imported: staged.count, importId };
  });

  async function storeStaged(staged: StagedRows): Promise<void> {
    const { db } = options.handle;
    const key: ImportKey = { partnershipId: consultation.partnershipId, consultationId: consultation.id, importId };
    await removeAbandonedImports(options.handle);
    await startImport(db, {
      ...key,
      fileName: options.fileName ?? null,
      contentSha256,
      createdBy: options.actor.id,
      createdByLabel: options.actor.label,
    });
    const writer = options.writer ?? new ResponseWriter(options.handle);
    try {
      let written = 0;
      let touched = Date.now();
      for await (const rows of staged.chunks(ROWS_PER_WRITE)) {
        // Every write settled before going on (or giving up): none may land after a failure's clean-up.
        const failed = (await Promise.allSettled(rows.map((row) => writer.write(row, 'bulk')))).find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
        written += rows.length;
        if (Date.now() - touched > TOUCH_EVERY_MS) {
          await touchImport(db, key, written);
          touched = Date.now();
        }
      }
      await db.transaction().execute(async (trx) => {
        await completeImport(trx, key, written);
        await recordAudit(trx, {
          actor: options.actor,
          action: 'responses.import',
          entity: 'consultation',
          entityId: consultation.id,
          partnershipId: consultation.partnershipId,
          detail: { importId, rows: written, ...(options.fileName ? { file: options.fileName } : {}) },
        });
      });
    } catch (err) {
      await discardImport(db, key);
      throw err;
    } finally {
      if (!options.writer) await writer.close();
    }
  }

  function toRow(rowNumber: number, cells: Record<string, string>): ResponseRow | undefined {
    const { reference: _ignored, channel: channelCell, submitted_at: submittedCell, ...answers } = cells;
    const channel = (channelCell?.trim().toLowerCase() || options.defaultChannel || 'import') as Channel;
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
      entered_by: options.actor.id,
      idempotency_key: null,
      import_id: importId,
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
