import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The driver underneath, for the few hot paths (group commit) where Kysely's per-query overhead matters: reach it through byDialect. */
  driver: { kind: 'sqlite'; sqlite: SQLite.Database } | { kind: 'postgres'; pool: pg.Pool; namedStatements: boolean };
  /** Human description for messages: the file path or the host/database, never a password. */
  describe: string;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export class DatabaseOpenError extends Error {}

const BIGINT_OID = 20;
/** A pool's type parsers: bigint (counts) as a number, as counts always fit in a double here; the rest as pg does. */
function typeParsers(types: typeof pg.types) {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === BIGINT_OID && format !== 'binary'
        ? (value: string) => Number(value)
        : types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<DbHandle> {
  return target.kind === 'sqlite' ? openSqlite(target.path) : openPostgres(target.url);
}

function openSqlite(file: string): DbHandle {
  let sqlite: SQLite.Database;
  try {
    if (file !== ':memory:') makeParentDirectories(path.resolve(file));
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new DatabaseOpenError(`Cannot open the SQLite database at ${file}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', driver: { kind: 'sqlite', sqlite }, describe: `SQLite ${file}`, close: () => db.destroy() };
}

/** mkdir -p one level at a time: Node's recursive mkdir can spin forever under /proc. */
function makeParentDirectories(file: string): void {
  const missing: string[] = [];
  let dir = path.dirname(file);
  while (!fs.existsSync(dir)) {
    missing.unshift(dir);
    dir = path.dirname(dir);
  }
  for (const d of missing) fs.mkdirSync(d);
}

/**
 * `?pgbouncer=true` on the URL: the pool is pgbouncer in transaction mode (before 1.21), where a statement prepared
 * by name on one server connection is missing on the next, so none is named (docs/deploy.md).
 */
export function poolerOf(url: string): { url: string; namedStatements: boolean } {
  if (!URL.canParse(url)) return { url, namedStatements: true };
  const parsed = new URL(url);
  if (parsed.searchParams.get('pgbouncer') !== 'true') return { url, namedStatements: true };
  parsed.searchParams.delete('pgbouncer');
  return { url: parsed.toString(), namedStatements: false };
}

async function openPostgres(given: string): Promise<DbHandle> {
  const { url, namedStatements } = poolerOf(given);
  const where = describePostgres(url);
  // Loaded only here: pg takes longer to import than a whole SQLite command takes to run.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, types: typeParsers(pg.types) });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseOpenError(`Cannot connect to PostgreSQL at ${where}: ${(err as Error).message}`);
  }
  // An idle client that loses its connection must not take the process down.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', driver: { kind: 'postgres', pool, namedStatements }, describe: `PostgreSQL ${where}`, close: () => db.destroy() };
}

function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
