import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import { byDialect } from '../db/byDialect.js';
import type { DbHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { newReference } from './reference.js';
import { type NewResponse, pushColumnValues, RESPONSE_COLUMNS } from './responseRow.js';

/** Where an import's one transaction runs, and how it stores a chunk of rows inside it. */
export interface ImportWriter {
  db: Kysely<Database>;
  insert(trx: Transaction<Database>, rows: NewResponse[]): Promise<void>;
  close(): Promise<void>;
}

/** How long the import waits for the SQLite write lock (a group commit holds it for milliseconds). */
const BUSY_TIMEOUT_MS = 120_000;
const REFERENCE = RESPONSE_COLUMNS.indexOf('reference');

/**
 * SQLite: a connection of the import's own, so the app's connection stays free for reads (health checks, pages)
 * while the import writes, and a prepared statement, row by row, instead of compiling SQL for each chunk.
 * PostgreSQL: the pool, whose other connections go on serving, and multi-row inserts.
 */
export function openImportWriter(handle: DbHandle): ImportWriter {
  return byDialect<ImportWriter>(handle, {
    sqlite: ({ sqlite }) => (sqlite.memory ? kyselyWriter(handle.db, false) : sqliteWriter(sqlite.name)),
    postgres: () => kyselyWriter(handle.db, false),
  });
}

function kyselyWriter(db: Kysely<Database>, owned: boolean): ImportWriter {
  return {
    db,
    async insert(trx, rows) {
      await trx
        .insertInto('responses')
        .values(rows.map(({ id, reference, row }) => ({ ...row, id, reference })))
        .execute();
    },
    close: async () => (owned ? db.destroy() : undefined),
  };
}

function sqliteWriter(file: string): ImportWriter {
  const sqlite = new SQLite(file);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const insert = sqlite.prepare(
    `insert into responses (${RESPONSE_COLUMNS.join(', ')}) values (${RESPONSE_COLUMNS.map(() => '?').join(', ')}) on conflict do nothing`,
  );
  const writer = kyselyWriter(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), true);
  return {
    ...writer,
    // The statement runs on the connection the transaction began on, so it is part of that transaction.
    async insert(_trx, rows) {
      for (const response of rows) {
        const values: unknown[] = [];
        pushColumnValues(values, response);
        // A reference already taken (vanishingly rare) gets another; import rows have no idempotency key to clash.
        for (let tries = 1; insert.run(values).changes === 0; tries++) {
          if (tries > 5) throw new Error('could not store an imported response: its id or reference is taken');
          values[REFERENCE] = newReference();
        }
      }
    },
  };
}
