import type { Selectable } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { JobsTable } from '../../db/schema.js';
import type { Job, JobStatus } from '../types.js';

export const jobOf = (r: Selectable<JobsTable>): Job => ({
  id: r.id,
  partnershipId: r.partnership_id,
  kind: r.kind,
  payload: fromJson<unknown>(r.payload, null),
  status: r.status as JobStatus,
  progress: r.progress,
  message: r.message,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAfter: r.run_after,
  lockedBy: r.locked_by,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  error: r.error,
});
