import { analysisRunnerFor } from '../analysis/index.js';
import { ConsultationRuntimeCache } from '../consultations/index.js';
import type { DbHandle } from '../db/database.js';
import { JobSignal } from '../jobs/index.js';
import { ResponseWriter } from '../responses/index.js';
import type { Config } from './config.js';

/**
 * Composition root: everything a route or command needs, built once. `readHandle` is a streaming replica
 * (DATABASE_READ_URL) for heavy reads that can be a moment behind; without one, the primary serves them too.
 */
export function buildServices(handle: DbHandle, config: Config, readHandle: DbHandle = handle) {
  return {
    handle,
    readHandle,
    /** The analysis threads every route shares, reading from the replica when there is one. */
    analysis: analysisRunnerFor(readHandle),
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
