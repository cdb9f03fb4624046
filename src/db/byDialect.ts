import { PostgresAdapter } from 'kysely';
import type { DbHandle } from './database.js';

export type Dialect = 'sqlite' | 'postgres';

/** The few places the engines differ go through here, so each difference is visible and tested on both. */
export function byDialect<T>(handle: Pick<DbHandle, 'dialect'>, choices: Record<Dialect, T>): T {
  return choices[handle.dialect];
}

/** The engine behind a bare Kysely instance (a migration gets no handle), for byDialect({ dialect: dialectOf(db) }, …). */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
