import type { ConsultationRuntimeCache } from '../consultations/index.js';
import { fromBool, newId, nowIso, toJson } from '../db/columnTypes.js';
import type { DbHandle } from '../db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { validateAnswers } from '../surveys/index.js';
import { CHANNELS, type Channel } from './channels.js';
import { CHUNK, insertChunk } from './insertResponses.js';
import { readTable, type TableFormat } from './readTable.js';
import type { ResponseRow } from './responseRow.js';

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
    super(
      'validation_failed',
      422,
      `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${rowsRead} rows`,
      problems.slice(0, 200).map((p) => ({ field: `row ${p.row}, ${p.column}`, message: p.message })),
    );
  }
}

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
}

const MAX_PROBLEMS = 1000;

/** Reads every row, validates each against the survey, and stores them all in one transaction or none. */
export async function importResponses(options: ImportResponsesOptions): Promise<{ imported: number; importId: string }> {
  const runtime = await options.runtimes.get(options.consultationId);
  if (!runtime || (options.partnershipId && runtime.consultation.partnershipId !== options.partnershipId)) throw notFound('Consultation');
  const { consultation, definition, wards } = runtime;
  const importId = newId();
  const problems: ImportProblem[] = [];
  const now = nowIso();
  let rowsRead = 0;
  let imported = 0;

  // One pass inside one transaction: rows are inserted as they are read (bounded memory); the first problem
  // stops inserting, reading goes on to report every problem, and the transaction is rolled back.
  await options.handle.db.transaction().execute(async (trx) => {
    let chunk: ResponseRow[] = [];
    const flush = async () => {
      if (chunk.length > 0 && problems.length === 0) await insertChunk(trx, chunk);
      imported += chunk.length;
      chunk = [];
    };
    for await (const { rowNumber, cells } of readTable(options.file, options.format)) {
      rowsRead++;
      const row = toRow(rowNumber, cells);
      if (row && problems.length === 0) chunk.push(row);
      if (chunk.length >= CHUNK) await flush();
      if (problems.length >= MAX_PROBLEMS) break;
    }
    if (rowsRead === 0) problems.push({ row: 2, column: '(none)', message: 'The file has a header row but no responses' });
    if (problems.length > 0) throw new ImportRejected(problems, rowsRead);
    await flush();
    await recordAudit(trx, {
      actor: options.actor,
      action: 'responses.import',
      entity: 'consultation',
      entityId: consultation.id,
      partnershipId: consultation.partnershipId,
      detail: { importId, rows: imported },
    });
  });
  return { imported, importId };

  function toRow(rowNumber: number, cells: Record<string, string>): ResponseRow | undefined {
    const { reference: _ignored, channel: channelCell, submitted_at: submittedCell, ...answers } = cells;
    const channel = (channelCell?.trim().toLowerCase() || options.defaultChannel || 'import') as Channel;
    const before = problems.length;
    if (!CHANNELS.includes(channel)) problems.push({ row: rowNumber, column: 'channel', message: `Channel must be one of ${CHANNELS.join(', ')}` });
    let submittedAt = now;
    if (submittedCell?.trim()) {
      const t = Date.parse(submittedCell.trim());
      if (Number.isNaN(t))
        problems.push({ row: rowNumber, column: 'submitted_at', message: 'Enter a date and time like 2024-07-10 or 2024-07-10T14:30:00Z' });
      else submittedAt = new Date(t).toISOString();
    }
    const result = validateAnswers(definition, answers, { wards });
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
