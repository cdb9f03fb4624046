import type { Transaction } from 'kysely';
import type { DbHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { newReference } from './reference.js';
import type { ResponseRow } from './responseRow.js';

const CHUNK = 500;

async function insertChunk(trx: Transaction<Database>, rows: ResponseRow[]): Promise<void> {
  await trx
    .insertInto('responses')
    .values(rows.map((r) => ({ ...r, id: crypto.randomUUID(), reference: newReference() })))
    .execute();
}

/** Stores many responses in one transaction (the demo's generated responses). */
export async function insertResponses(handle: DbHandle, rows: ResponseRow[]): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) await insertChunk(trx, rows.slice(i, i + CHUNK));
  });
}
