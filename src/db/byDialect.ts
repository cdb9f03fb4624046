import { PostgresAdapter } from 'kysely';
import type { DbHandle, Dialect } from './database.js';

export type SqliteDriver = Extract<DbHandle['driver'], { kind: 'sqlite' }>;
export type PostgresDriver = Extract<DbHandle['driver'], { kind: 'postgres' }>;

/** What to do on each engine; each choice is handed that engine's own driver. */
export interface DialectChoices<T> {
  sqlite: (driver: SqliteDriver) => T;
  postgres: (driver: PostgresDriver) => T;
}

/**
 * The few places the engines differ go through here, so each difference is declared side by side and tested
 * on both: `byDialect(handle, { sqlite: ({ sqlite }) => …, postgres: ({ pool }) => … })`.
 */
export function byDialect<T>(handle: Pick<DbHandle, 'driver'>, choices: DialectChoices<T>): T {
  const driver = handle.driver;
  return driver.kind === 'sqlite' ? choices.sqlite(driver) : choices.postgres(driver);
}

/** The engine behind a bare Kysely instance (a migration gets no handle). */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The same seam for code that holds only a Kysely instance, such as a migration: `byDialectOf(db, { sqlite: () => 'blob', postgres: () => 'bytea' })`. */
export function byDialectOf<T>(db: { getExecutor(): { adapter: unknown } }, choices: { sqlite: () => T; postgres: () => T }): T {
  return dialectOf(db) === 'sqlite' ? choices.sqlite() : choices.postgres();
}
