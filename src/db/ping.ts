import { sql } from 'kysely';
import type { DbHandle } from './database.js';

/** A round trip to the database: throws when it cannot answer. */
export async function pingDatabase(handle: DbHandle): Promise<void> {
  await sql`select 1`.execute(handle.db);
}
