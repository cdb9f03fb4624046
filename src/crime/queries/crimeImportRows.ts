/**
 * The statements of a crime import (docs/crime.md): rows written under the import while it runs (invisible until it
 * is done), then in one transaction the same force's months imported before are deleted, outcomes are applied to
 * the crimes they belong to, and the import is marked done; or, when it fails, its rows are deleted.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { nowIso, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { RowOf, RowTable } from '../reading/readCrimeRows.js';

const ROW_TABLES: readonly RowTable[] = ['crime_records', 'crime_outcomes', 'stop_searches'];

export async function startImport(db: Kysely<Database>, o: { id: string; partnershipId: string; startedBy: string; files: string[] }) {
  await db
    .insertInto('crime_imports')
    .values({
      id: o.id,
      partnership_id: o.partnershipId,
      status: 'running',
      started_at: nowIso(),
      heartbeat_at: nowIso(),
      finished_at: null,
      started_by: o.startedBy,
      files: toJson(o.files),
      summary: null,
    })
    .execute();
}

export async function insertRows<T extends RowTable>(db: Kysely<Database>, table: T, rows: RowOf<T>[]) {
  if (rows.length)
    await db
      .insertInto(table)
      .values(rows as never)
      .execute();
}

export async function setProgress(db: Kysely<Database>, importId: string, rowsRead: number) {
  await db.updateTable('crime_imports').set({ progress: rowsRead, heartbeat_at: nowIso() }).where('id', '=', importId).execute();
}

const doneImports = (trx: Transaction<Database>, partnershipId: string, except: string) =>
  trx.selectFrom('crime_imports').select('id').where('partnership_id', '=', partnershipId).where('status', '=', 'done').where('id', '!=', except);

/** Deletes what earlier imports held for these forces' months; returns how many rows that was. */
export async function replaceMonths(
  trx: Transaction<Database>,
  partnershipId: string,
  importId: string,
  table: RowTable,
  monthsByForce: Map<string, Set<string>>,
): Promise<{ rows: number; months: string[] }> {
  let rows = 0;
  const months: string[] = [];
  for (const [force, forceMonths] of monthsByForce)
    for (const month of [...forceMonths].sort()) {
      const result = await trx
        .deleteFrom(table)
        .where('partnership_id', '=', partnershipId)
        .where('force', '=', force)
        .where('month', '=', month)
        .where('import_id', 'in', doneImports(trx, partnershipId, importId))
        .executeTakeFirst();
      const deleted = Number(result.numDeletedRows);
      rows += deleted;
      if (deleted) months.push(`${force} ${month}`);
    }
  return { rows, months };
}

/**
 * Each crime's last outcome: the latest outcome recorded against its Crime ID in any finished import, else what its
 * street file said. Applied to the crimes this import brought or gave outcomes to.
 */
export async function applyOutcomes(trx: Transaction<Database>, partnershipId: string, importId: string) {
  const any = await trx.selectFrom('crime_outcomes').select('crime_id').where('partnership_id', '=', partnershipId).limit(1).executeTakeFirst();
  if (!any) return;
  await sql`
    update crime_records set last_outcome = coalesce((
      select o.outcome from crime_outcomes o
      where o.partnership_id = crime_records.partnership_id and o.crime_id = crime_records.crime_id
        and o.import_id in (select id from crime_imports where partnership_id = ${partnershipId} and status = 'done')
      order by o.month desc, o.position desc limit 1), last_outcome)
    where partnership_id = ${partnershipId} and crime_id is not null
      and (import_id = ${importId} or crime_id in (select crime_id from crime_outcomes where import_id = ${importId}))
  `.execute(trx);
}

export async function finishImport(trx: Transaction<Database> | Kysely<Database>, importId: string, status: 'done' | 'failed', summary: unknown) {
  await trx
    .updateTable('crime_imports')
    .set({ status, finished_at: nowIso(), summary: toJson(summary) })
    .where('id', '=', importId)
    .execute();
}

/** A failed or interrupted import's rows, deleted. */
export async function discardRows(db: Kysely<Database>, importId: string) {
  for (const table of ROW_TABLES) await db.deleteFrom(table).where('import_id', '=', importId).execute();
}

/** An import reports progress every few seconds; one silent this long was stopped with its process. */
const SILENT_MS = 10 * 60_000;

/** Imports a stopped process left running: their rows deleted and the imports marked failed (before each import). */
export async function discardInterruptedImports(db: Kysely<Database>, partnershipId: string) {
  const running = await db
    .selectFrom('crime_imports')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', new Date(Date.now() - SILENT_MS).toISOString())
    .execute();
  for (const { id } of running) {
    await discardRows(db, id);
    await finishImport(db, id, 'failed', {
      status: 'failed',
      message: 'The import was interrupted (the server or command stopped); nothing of it was kept.',
    });
  }
  return running.length;
}
