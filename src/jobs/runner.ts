/**
 * Runs the background jobs on this instance: polls the shared jobs table, claims a due job, renews its lease while it
 * runs, and settles it. An instance that stops hands its jobs back (or, if it dies, its leases run out) and another
 * instance takes them over, so each job runs to its end once (docs/jobs.md).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Config } from '../app/config.js';
import type { DbHandle } from '../db/database.js';
import { claimNextJob, failAbandonedJobs, insertJob, renewLease, settleJob } from './queries/jobQueue.js';
import { DEFAULT_MAX_ATTEMPTS, type Job, type JobContext, JobFailed, type JobKind, type RecurringJob } from './types.js';

const RECURRING_CHECK_MS = 60_000;

export interface RunnerLog {
  error(details: object, message: string): void;
}

export interface RunnerOptions {
  handle: DbHandle;
  config: Config;
  kinds: Record<string, JobKind>;
  /** How often to look for due jobs when idle. */
  pollMs?: number;
  /** How long a claim lasts without renewal: after it, another instance may take the job over. */
  leaseMs?: number;
  /** Jobs run at once on this instance. */
  concurrency?: number;
  /** Jobs queued once in every period (retention, daily). */
  recurring?: readonly RecurringJob[];
  log?: RunnerLog;
}

/** Seconds before the next start of a job whose run threw: 10 s, 40 s, 90 s... */
export const retryDelayMs = (attempts: number) => 10_000 * attempts * attempts;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class JobRunner {
  readonly workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = true;
  private recurringCheckedAt = 0;

  constructor(private readonly o: RunnerOptions) {
    this.pollMs = o.pollMs ?? 1000;
    this.leaseMs = o.leaseMs ?? 60_000;
    this.concurrency = o.concurrency ?? 1;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for work now (a job was just queued on this instance). */
  wake(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Stops claiming, asks running jobs to stop, waits up to `graceMs` for them, and hands back any still running. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    for (const { controller } of this.running.values()) controller.abort();
    const all = Promise.all([...this.running.values()].map((r) => r.done));
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    for (const id of this.running.keys())
      await settleJob(this.o.handle.db, { id, workerId: this.workerId, outcome: { status: 'released' } }).catch(() => false);
  }

  /** Claims and runs due jobs until none is due or the concurrency is used up; resolves when those claimed have settled. */
  async drain(): Promise<void> {
    for (;;) {
      const started = await this.claimAvailable(true);
      if (started.length === 0 && this.running.size === 0) return;
      await Promise.race([...this.running.values()].map((r) => r.done));
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.polling = this.poll();
    }, delay);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      await this.everyMinute();
      await this.claimAvailable();
    } catch (err) {
      this.o.log?.error({ err }, 'job queue: could not claim');
    }
    if (!this.stopped) this.schedule(this.pollMs);
  }

  /**
   * Once a minute, not at every poll (each is a write): fails jobs whose instances stopped too often, and queues each
   * recurring job once per period across every instance (the period's singleton key refuses a second copy).
   */
  private async everyMinute(): Promise<void> {
    const now = Date.now();
    if (now - this.recurringCheckedAt < RECURRING_CHECK_MS) return;
    this.recurringCheckedAt = now;
    for (const job of await failAbandonedJobs(this.o.handle.db)) await this.giveUp(job, job.error ?? 'stopped', false);
    for (const r of this.o.recurring ?? []) {
      const period = Math.floor(now / r.everyMs);
      await insertJob(this.o.handle.db, {
        kind: r.kind,
        partnershipId: null,
        payload: {},
        maxAttempts: this.o.kinds[r.kind]?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        singletonKey: `${r.kind}:${period}`,
      });
    }
  }

  /** `whileStopped`: drain() claims for a runner that was never started (commands and tests). */
  private async claimAvailable(whileStopped = false): Promise<Job[]> {
    const started: Job[] = [];
    while (whileStopped || !this.stopped) {
      if (this.running.size >= this.concurrency) break;
      const job = await claimNextJob(this.o.handle, { workerId: this.workerId, leaseMs: this.leaseMs, kinds: Object.keys(this.o.kinds) });
      if (!job) break;
      const controller = new AbortController();
      const done = this.run(job, controller).finally(() => {
        this.running.delete(job.id);
        if (!this.stopped) this.schedule(0);
      });
      this.running.set(job.id, { controller, done });
      started.push(job);
    }
    return started;
  }

  private async run(job: Job, controller: AbortController): Promise<void> {
    const kind = this.o.kinds[job.kind];
    if (!kind) return;
    const { db } = this.o.handle;
    const renew = (progress?: number, message?: string) =>
      renewLease(db, { id: job.id, workerId: this.workerId, leaseMs: this.leaseMs, progress, message }).then((held) => {
        if (!held) controller.abort();
      });
    const heartbeat = setInterval(() => void renew().catch(() => undefined), Math.max(50, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    const ctx: JobContext = {
      job,
      handle: this.o.handle,
      config: this.o.config,
      signal: controller.signal,
      progress: (percent, message) => renew(percent, message),
    };
    try {
      await kind.run(job.payload, ctx);
      await settleJob(db, { id: job.id, workerId: this.workerId, outcome: { status: 'done' } });
    } catch (err) {
      if (controller.signal.aborted) {
        // Stopping: hand the job back for another instance. Otherwise another instance has taken it over.
        if (this.stopped) await settleJob(db, { id: job.id, workerId: this.workerId, outcome: { status: 'released' } }).catch(() => false);
        return;
      }
      const error = messageOf(err);
      const final = err instanceof JobFailed || job.attempts >= job.maxAttempts;
      if (!(err instanceof JobFailed)) this.o.log?.error({ err, job: job.id, kind: job.kind }, 'job failed');
      const outcome = final
        ? { status: 'failed' as const, error }
        : { status: 'retry' as const, error, runAfter: new Date(Date.now() + retryDelayMs(job.attempts)) };
      const settled = await settleJob(db, { id: job.id, workerId: this.workerId, outcome }).catch(() => false);
      if (settled && final) await this.giveUp(job, error, err instanceof JobFailed);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async giveUp(job: Job, reason: string, forPeople: boolean): Promise<void> {
    try {
      await this.o.kinds[job.kind]?.gaveUp?.(job.payload, { handle: this.o.handle, job, reason, forPeople });
    } catch (err) {
      this.o.log?.error({ err, job: job.id }, 'job clean-up failed');
    }
  }
}
