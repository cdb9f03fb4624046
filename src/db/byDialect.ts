import type { DbHandle } from './database.js';

export type Dialect = 'sqlite' | 'postgres';

/** The few places the engines differ go through here, so each difference is visible and tested on both. */
export function byDialect<T>(handle: Pick<DbHandle, 'dialect'>, choices: Record<Dialect, T>): T {
  return choices[handle.dialect];
}
