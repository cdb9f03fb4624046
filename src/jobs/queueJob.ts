import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertJob } from './queries/jobQueue.js';
import { DEFAULT_MAX_ATTEMPTS } from './types.js';

/**
 * Queues a job for whichever instance claims it first; give the transaction that records what the job is for, so
 * that both are stored or neither. Wake the local runner after commit (Services.jobs.wake) so it starts at once.
 */
export async function queueJob(
  db: Kysely<Database> | Transaction<Database>,
  job: { kind: string; partnershipId: string | null; payload: unknown; maxAttempts?: number },
): Promise<string> {
  const id = await insertJob(db, { ...job, maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS });
  if (!id) throw new Error(`Job ${job.kind} was not queued`);
  return id;
}

/** Lets code that queues a job tell this instance's runner, if it has one, to look now instead of at its next poll. */
export class JobSignal {
  private listener: (() => void) | undefined;
  listen(listener: () => void): void {
    this.listener = listener;
  }
  wake(): void {
    this.listener?.();
  }
}
