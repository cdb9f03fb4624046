import { byDialect } from '../db/byDialect.js';
import type { DbHandle } from '../db/database.js';
import { PostgresCommitter } from './postgresCommitter.js';
import type { Committer } from './responseRow.js';
import { SqliteCommitter } from './sqliteCommitter.js';

/**
 * The one place the write path differs between the engines: SQLite commits on a writer thread with its own
 * connection to the file; PostgreSQL commits through the pool, one statement a batch.
 */
export function committerFor(handle: DbHandle): Committer {
  return byDialect<Committer>(handle, {
    sqlite: ({ sqlite }) => new SqliteCommitter(sqlite.name),
    postgres: ({ pool, namedStatements }) => new PostgresCommitter(pool, namedStatements),
  });
}
