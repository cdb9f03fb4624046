import type { ConsultationRuntimeCache } from '../consultations/index.js';
import { newId, nowIso } from '../db/columnTypes.js';
import type { DbHandle } from '../db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
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
import type { TableFormat } from './readTable.js';
import { removeAbandonedImports } from './removeAbandonedImports.js';
import { type CheckInput, type ImportProblem, MAX_PROBLEMS } from './staging/checkRows.js';
import { checkRowsInWorker } from './staging/checkRowsInWorker.js';

export type { ImportProblem };

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

/** Batches of 250 handed to the writer and not yet committed, while the next are read: reading and writing overlap. */
const BATCHES_IN_FLIGHT = 4;
/** How often a running import shows it is alive (removeAbandonedImports.ts). */
const TOUCH_EVERY_MS = 5000;

/**
 * All or nothing, without holding the database: the file is read, each row checked and redacted (staging/checkRows,
 * on a thread of low priority with a bounded heap), and the good rows written through the response writer 250 at a time
 * while the rest is read, as rows of an import that does not count yet (queries/countedResponses.ts). Once every row
 * is known to be good, one short transaction makes them all count at once, with the audit entry. A problem in any
 * row (every one is reported) or any failure removes what was written; a killed import is removed at the next start
 * (removeAbandonedImports.ts). Nobody waits for more than one short commit, whatever the file's size.
 */
export async function importResponses(options: ImportResponsesOptions): Promise<{ imported: number; importId: string }> {
  const runtime = await options.runtimes.get(options.consultationId);
  if (!runtime || (options.partnershipId && runtime.consultation.partnershipId !== options.partnershipId)) throw notFound('Consultation');
  const { consultation, definition, wards } = runtime;
  const importId = newId();
  const contentSha256 = await fileSha256(options.file);
  if (!options.allowDuplicate) {
    const earlier = await earlierImportOf(options.handle.db, {
      partnershipId: consultation.partnershipId,
      consultationId: consultation.id,
      contentSha256,
    });
    if (earlier) throw new DuplicateImport(earlier);
  }

  const input: CheckInput = {
    file: options.file,
    format: options.format,
    consultation: {
      id: consultation.id,
      partnershipId: consultation.partnershipId,
      surveyVersion: consultation.surveyVersion,
      opensAt: consultation.opensAt,
      isDemo: consultation.isDemo,
    },
    definition,
    wards,
    importId,
    enteredBy: options.actor.id,
    defaultChannel: options.defaultChannel,
    now: nowIso(),
  };
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
  const rows = checkRowsInWorker(input);
  const writer = options.writer ?? new ResponseWriter(options.handle);
  // Batches being committed while the next are read; each settles to its error or undefined, never rejects.
  const inFlight: Promise<unknown>[] = [];
  const settleAll = async () => (await Promise.all(inFlight.splice(0))).find((e) => e !== undefined);
  try {
    let written = 0;
    let touched = Date.now();
    let next = await rows.next();
    while (!next.done) {
      const batch = next.value;
      inFlight.push(
        Promise.allSettled(batch.map((row) => writer.write(row, 'bulk'))).then((all) => all.find((r) => r.status === 'rejected')?.reason),
      );
      if (inFlight.length >= BATCHES_IN_FLIGHT) {
        const failed = await inFlight.shift();
        if (failed !== undefined) throw failed;
      }
      written += batch.length;
      if (Date.now() - touched > TOUCH_EVERY_MS) {
        await touchImport(db, key, written);
        touched = Date.now();
      }
      next = await rows.next();
    }
    const failed = await settleAll();
    if (failed !== undefined) throw failed;
    if (next.value.problems.length > 0) throw new ImportRejected(next.value.problems, next.value.rowsRead);
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
    return { imported: written, importId };
  } catch (err) {
    await rows.return(undefined as never);
    // Every write settled before the clean-up: none may land after it.
    await settleAll();
    await discardImport(db, key);
    throw err;
  } finally {
    if (!options.writer) await writer.close();
  }
}
