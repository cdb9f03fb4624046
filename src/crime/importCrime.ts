/**
 * Imports police.uk files (docs/crime.md): street-level crime and ASB (current and 2011 layouts), outcomes, and stop
 * and search, as CSV files or in police.uk's ZIP download. The files are read, checked and placed on a thread of
 * their own (reading/readInWorker.ts) while this one writes the rows under the import, invisible until it is done.
 * A file that is not a police.uk file fails the whole import: its rows are deleted and the data is as it was. When
 * every file is read, the import replaces what earlier imports held for the same force's months, in one transaction.
 */
import type { Kysely } from 'kysely';
import { newId } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { listBoundaries } from '../geography/index.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { ZipFormatError } from '../platform/zipFile.js';
import { type CrimeImportSummary, emptySummary, summaryMessage } from './importSummary.js';
import {
  applyOutcomes,
  discardInterruptedImports,
  discardRows,
  finishImport,
  insertRows,
  replaceMonths,
  setProgress,
  startImport,
} from './queries/crimeImportRows.js';
import { type AreaData, type Batch, CrimeFileRejected, type ReadingInput, type RowTable, readCrimeRows } from './reading/readCrimeRows.js';
import { readInWorker } from './reading/readInWorker.js';

const PROGRESS_EVERY = 25_000;

export interface CrimeImportOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  files: readonly string[];
  /** Called with the rows read so far, every 25,000 rows or so and at the end. */
  onProgress?: (rowsRead: number) => void;
  /** Read on this thread instead of a thread of its own (for tests of the reading itself). */
  inProcess?: boolean;
  /** The import's id, when the caller needs it before the import ends (an upload's progress page). */
  importId?: string;
  /** Each file's name as the person knows it, where it is not its path (uploads). */
  labels?: Record<string, string>;
}

export async function importCrime(o: CrimeImportOptions): Promise<CrimeImportSummary> {
  await discardInterruptedImports(o.db, o.partnershipId);
  const importId = o.importId ?? newId();
  const input: ReadingInput = {
    partnershipId: o.partnershipId,
    importId,
    files: [...o.files],
    labels: o.labels,
    area: await areaData(o.db, o.partnershipId),
  };
  const fileNames = o.files.map((f) => o.labels?.[f] ?? f);
  const summary = emptySummary(importId, input.area.lsoaAreas.length + input.area.wardAreas.length + input.area.lsoaWards.length > 0);
  await startImport(o.db, { id: importId, partnershipId: o.partnershipId, startedBy: o.actor.label, files: fileNames });
  let writing: Promise<void> = Promise.resolve();
  try {
    const batches = o.inProcess ? readCrimeRows(input) : readInWorker(input);
    let reported = 0;
    let next = await batches.next();
    while (!next.done) {
      const batch: Batch = next.value;
      // One batch written while the next is read; a write's failure surfaces at the next await.
      await writing;
      writing = insertRows(o.db, batch.table, batch.rows);
      if (batch.rowsRead - reported >= PROGRESS_EVERY) {
        reported = batch.rowsRead;
        o.onProgress?.(reported);
        await setProgress(o.db, importId, reported);
      }
      next = await batches.next();
    }
    await writing;
    const { months, ...counts } = next.value;
    Object.assign(summary, counts);
    o.onProgress?.(summary.rowsRead);
    await o.db.transaction().execute(async (trx) => {
      for (const [table, byForce] of Object.entries(months) as [RowTable, [string, string[]][]][]) {
        const replaced = await replaceMonths(trx, o.partnershipId, importId, table, new Map(byForce.map(([f, m]) => [f, new Set(m)])));
        summary.replaced += replaced.rows;
        summary.replacedMonths.push(...replaced.months.filter((m) => !summary.replacedMonths.includes(m)));
      }
      summary.message = summaryMessage(summary);
      // Done first, so that its outcomes count among the finished imports' when they are applied.
      await finishImport(trx, importId, 'done', summary);
      await applyOutcomes(trx, o.partnershipId, importId);
      await recordAudit(trx, {
        actor: o.actor,
        action: 'crime.import',
        entity: 'partnership',
        entityId: o.partnershipId,
        partnershipId: o.partnershipId,
        detail: { importId, files: fileNames, rowsRead: summary.rowsRead, imported: summary.imported, replaced: summary.replaced },
      });
    });
    return summary;
  } catch (err) {
    await writing.catch(() => undefined);
    await discardRows(o.db, importId);
    summary.status = 'failed';
    summary.imported = 0;
    const problem =
      err instanceof CrimeFileRejected
        ? { file: err.file, row: err.row, column: '', message: err.message }
        : { file: '', row: 0, column: '', message: err instanceof ZipFormatError ? err.message : `the import stopped: ${(err as Error).message}` };
    summary.problems.unshift(problem);
    summary.message = summaryMessage(summary);
    await finishImport(o.db, importId, 'failed', summary);
    return summary;
  }
}

export async function areaData(db: Kysely<Database>, partnershipId: string): Promise<AreaData> {
  const [lsoas, wards, lsoaAreas, wardAreas] = await Promise.all([
    db.selectFrom('lsoas').select(['code', 'ward_code']).where('partnership_id', '=', partnershipId).execute(),
    db.selectFrom('wards').select(['code', 'ons_code']).where('partnership_id', '=', partnershipId).execute(),
    listBoundaries(db, partnershipId, 'lsoa'),
    listBoundaries(db, partnershipId, 'ward'),
  ]);
  return {
    lsoaAreas,
    wardAreas,
    lsoaWards: lsoas.map((l) => [l.code, l.ward_code]),
    wardOfOnsCode: wards.filter((w) => w.ons_code).map((w) => [w.ons_code as string, w.code]),
  };
}
