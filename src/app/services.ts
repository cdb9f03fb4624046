import { ConsultationRuntimeCache } from '../consultations/index.js';
import type { DbHandle } from '../db/database.js';
import { JobSignal } from '../jobs/index.js';
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
    /** Wakes this instance's job runner after a job is queued. */
    jobs: new JobSignal(),
  };
}

export type Services = ReturnType<typeof buildServices>;
