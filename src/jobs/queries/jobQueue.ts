/** The jobs table's reads and writes: every change of a job's state is one statement, safe with several instances. */
import { type Kysely, sql, type Transaction } from 'kysely';
import { newId, toJson } from '../../db/columnTypes.js';
import type { DbHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Job } from '../types.js';
import { jobOf } from './jobRows.js';

export interface NewJob {
  kind: string;
  partnershipId: string | null;
  payload: unknown;
  maxAttempts: number;
  /** Not before (default now). */
  runAfter?: Date;
  /** A job that must exist once: a second insert with the same key is ignored. */
  singletonKey?: string;
}

/** Queues a job (inside the caller's transaction when given one); undefined when its singleton key was taken. */
export async function insertJob(db: Kysely<Database> | Transaction<Database>, job: NewJob, now = new Date()): Promise<string | undefined> {
  const id = newId();
  const inserted = await db
    .insertInto('jobs')
    .values({
      id,
      partnership_id: job.partnershipId,
      kind: job.kind,
      payload: toJson(job.payload),
      status: 'queued',
      max_attempts: job.maxAttempts,
      run_after: (job.runAfter ?? now).toISOString(),
      singleton_key: job.singletonKey ?? null,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('singleton_key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
}

/**
 * Takes the next due job for this worker: a queued one whose time has come, or a running one whose lease has run out
 * (its instance stopped) and that may be started again. On PostgreSQL the candidate row is locked with SKIP LOCKED,
 * so instances claiming at once each get a different job; SQLite runs one writing statement at a time.
 */
export async function claimNextJob(
  handle: Pick<DbHandle, 'db' | 'dialect'>,
  o: { workerId: string; leaseMs: number; kinds: readonly string[]; now?: Date },
): Promise<Job | undefined> {
  if (o.kinds.length === 0) return undefined;
  const now = (o.now ?? new Date()).toISOString();
  const leaseUntil = new Date(Date.parse(now) + o.leaseMs).toISOString();
  const row = await handle.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: o.workerId,
      locked_until: leaseUntil,
      attempts: eb('attempts', '+', 1),
      started_at: now,
      error: null,
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('kind', 'in', o.kinds)
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'queued'), w('run_after', '<=', now)]),
            w.and([w('status', '=', 'running'), w('locked_until', '<', now), w('attempts', '<', w.ref('max_attempts'))]),
          ]),
        )
        .orderBy('run_after')
        .orderBy('id')
        .limit(1)
        .$if(handle.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? jobOf(row) : undefined;
}

/** Running jobs whose instances stopped once too often: failed, returned so their kinds can tidy up. */
export async function failAbandonedJobs(db: Kysely<Database>, now = new Date()): Promise<Job[]> {
  const at = now.toISOString();
  const rows = await db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: at, locked_by: null, locked_until: null, error: 'The app stopped each time it was running this job' })
    .where('status', '=', 'running')
    .where('locked_until', '<', at)
    .where((w) => w('attempts', '>=', w.ref('max_attempts')))
    .returningAll()
    .execute();
  return rows.map(jobOf);
}

/** Renews the lease (and records progress) if this worker still holds the job; false when it does not. */
export async function renewLease(
  db: Kysely<Database>,
  o: { id: string; workerId: string; leaseMs: number; progress?: number; message?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      locked_until: new Date(Date.now() + o.leaseMs).toISOString(),
      ...(o.progress === undefined ? {} : { progress: Math.max(0, Math.min(100, Math.round(o.progress))) }),
      ...(o.message === undefined ? {} : { message: o.message.slice(0, 500) }),
    })
    .where('id', '=', o.id)
    .where('locked_by', '=', o.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

type Outcome = { status: 'done' } | { status: 'failed'; error: string } | { status: 'retry'; error: string; runAfter: Date } | { status: 'released' };

/** Ends this worker's hold on a job: done, failed, queued again later, or handed back unstarted (the instance is stopping). */
export async function settleJob(db: Kysely<Database>, o: { id: string; workerId: string; outcome: Outcome }): Promise<boolean> {
  const at = new Date().toISOString();
  const { outcome } = o;
  const values =
    outcome.status === 'done'
      ? { status: 'done', progress: 100, finished_at: at, error: null }
      : outcome.status === 'failed'
        ? { status: 'failed', finished_at: at, error: outcome.error.slice(0, 2000) }
        : outcome.status === 'retry'
          ? { status: 'queued', run_after: outcome.runAfter.toISOString(), error: outcome.error.slice(0, 2000) }
          : { status: 'queued', run_after: at, attempts: sql<number>`attempts - 1` };
  const result = await db
    .updateTable('jobs')
    .set({ ...values, locked_by: null, locked_until: null })
    .where('id', '=', o.id)
    .where('locked_by', '=', o.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findJob(db: Kysely<Database>, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? jobOf(row) : undefined;
}

/** Queue depth and the age of the oldest job waiting (for /metrics). */
export async function queueStatistics(db: Kysely<Database>): Promise<{ kind: string; status: string; count: number; oldest: string }[]> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => ['kind', 'status', eb.fn.countAll<number>().as('count'), eb.fn.min('run_after').as('oldest')])
    .where('status', 'in', ['queued', 'running'])
    .groupBy(['kind', 'status'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.count), oldest: String(r.oldest) }));
}
