import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbHandle } from './database.js';

class ProbeRolledBack extends Error {}

/**
 * Writes a row into the migration table (the one table every database has) and rolls it back: throws the
 * driver's error when the database cannot take a write (a read-only file or transaction, a lost connection, a lock
 * held past the busy timeout). Readiness asks this; liveness (/health) only pings.
 */
export async function probeWrite(handle: DbHandle): Promise<void> {
  try {
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into kysely_migration (name, timestamp) values (${`~readiness-${randomUUID()}`}, ${new Date().toISOString()})`.execute(trx);
      throw new ProbeRolledBack();
    });
  } catch (err) {
    if (!(err instanceof ProbeRolledBack)) throw err;
  }
}
