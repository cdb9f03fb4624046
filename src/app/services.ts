import { ConsultationRuntimeCache } from '../consultations/index.js';
import type { DbHandle } from '../db/database.js';
import { ResponseWriter } from '../responses/index.js';
import type { Config } from './config.js';

/** Composition root: everything a route or command needs, built once. */
export function buildServices(handle: DbHandle, config: Config) {
  return {
    handle,
    db: handle.db,
    dialect: handle.dialect,
    config,
    writer: new ResponseWriter(handle),
    runtimes: new ConsultationRuntimeCache(handle.db),
  };
}

export type Services = ReturnType<typeof buildServices>;
