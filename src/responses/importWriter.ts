import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { byDialect } from '../db/byDialect.js';
import type { DbHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { newReference } from './reference.js';
import { type NewResponse, pushColumnValues, RESPONSE_COLUMNS } from './responseRow.js';
import type { StagedRows } from './stagedRows.js';

/** Stores an import's staged rows and its audit entry in one transaction, or nothing. */
export interface ImportWriter {
  store(staged: StagedRows, audit: (db: Kysely<Database>) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const CHUNK = 500;
/** How long an import waits for SQLite's write lock before it gives up (group commits hold it for milliseconds). */
const LOCK_PATIENCE_MS = 120_000;
const LOCK_RETRY_MS = 5;
const REFERENCE = RESPONSE_COLUMNS.indexOf('reference');

/**
 * SQLite: a connection of the import's own, which takes the write lock without ever waiting synchronously (a busy
 * wait on this thread would freeze every request, and deadlock with the app's own connection), then writes every
 * row without yielding, so the lock is held only for the insert itself.
 * PostgreSQL (and in-memory SQLite in tests): one transaction on the app's database, chunk by chunk.
 */
export function openImportWriter(handle: DbHandle): ImportWriter {
  return byDialect<ImportWriter>(handle, {
    sqlite: ({ sqlite }) => (sqlite.memory ? kyselyWriter(handle.db) : sqliteWriter(sqlite.name)),
    postgres: () => kyselyWriter(handle.db),
  });
}

function kyselyWriter(db: Kysely<Database>): ImportWriter {
  return {
    async store(staged, audit) {
      await db.transaction().execute(async (trx) => {
        for await (const chunk of staged.chunks(CHUNK)) {
          await trx
            .insertInto('responses')
            .values(chunk.map(({ id, reference, row }) => ({ ...row, id, reference })))
            .execute();
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        await audit(trx);
      });
    },
    close: async () => undefined,
  };
}

function sqliteWriter(file: string): ImportWriter {
  const sqlite = new SQLite(file);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 0');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const insert = sqlite.prepare(
    `insert into responses (${RESPONSE_COLUMNS.join(', ')}) values (${RESPONSE_COLUMNS.map(() => '?').join(', ')}) on conflict do nothing`,
  );
  const insertRow = (response: NewResponse) => {
    const values: unknown[] = [];
    pushColumnValues(values, response);
    // A reference already taken (vanishingly rare) gets another; import rows have no idempotency key to clash.
    for (let tries = 1; insert.run(values).changes === 0; tries++) {
      if (tries > 5) throw new Error('could not store an imported response: its id or reference is taken');
      values[REFERENCE] = newReference();
    }
  };
  return {
    async store(staged, audit) {
      await beginImmediately(sqlite);
      try {
        for (const chunk of staged.chunksSync(CHUNK)) for (const response of chunk) insertRow(response);
        await audit(db);
        sqlite.exec('commit');
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec('rollback');
        throw err;
      }
    },
    close: () => db.destroy(),
  };
}

/** BEGIN IMMEDIATE, retried between other work until the write lock is free, never a synchronous busy wait. */
async function beginImmediately(sqlite: SQLite.Database): Promise<void> {
  const giveUp = Date.now() + LOCK_PATIENCE_MS;
  for (;;) {
    try {
      sqlite.exec('begin immediate');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > giveUp) throw err;
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }
}
