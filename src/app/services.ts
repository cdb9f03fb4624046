import type { DbHandle } from '../db/database.js';
import type { Config } from './config.js';

/** Composition root: everything a route or command needs, built once. */
export function buildServices(handle: DbHandle, config: Config) {
  return { handle, db: handle.db, dialect: handle.dialect, config };
}

export type Services = ReturnType<typeof buildServices>;
