import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Exports the snapshot of the calling (repeatable read) transaction, for pg_dump --snapshot to see exactly the same rows. */
export async function exportSnapshot(trx: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
  const id = rows[0]?.id;
  if (!id) throw new Error('PostgreSQL exported no snapshot');
  return id;
}

export async function serverVersionNum(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Number(rows[0]?.v);
}
