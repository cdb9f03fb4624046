import type { Config } from '../app/config.js';
import type { DbHandle } from '../db/database.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  partnershipId: string | null;
  kind: string;
  payload: unknown;
  status: JobStatus;
  progress: number;
  message: string;
  /** How many times an instance has started it, this time included. */
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** What a running job is given. */
export interface JobContext {
  job: Job;
  handle: DbHandle;
  config: Config;
  /** Records how far the job has got (and renews its lease). */
  progress(percent: number, message: string): Promise<void>;
  /** Aborted when the instance stops or another instance has taken the job over: stop soon. */
  signal: AbortSignal;
}

/** One kind of job: what running it does, and what to tidy when it is given up. */
export interface JobKind {
  run(payload: unknown, ctx: JobContext): Promise<void>;
  /**
   * Called once when the job fails for good: `forPeople` when the reason is a JobFailed's message, not an unexpected
   * error's or "the instance stopped" (which are for the log).
   */
  gaveUp?(payload: unknown, ctx: { handle: DbHandle; job: Job; reason: string; forPeople: boolean }): Promise<void>;
  /** Starts allowed before the job fails (DEFAULT_MAX_ATTEMPTS): a start that ends with an instance stopping counts too. */
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

/** A job queued once a period by whichever instance looks first. */
export interface RecurringJob {
  kind: string;
  everyMs: number;
}

export interface JobKinds {
  kinds: Record<string, JobKind>;
  recurring?: readonly RecurringJob[];
  /** Frees what the kinds hold (worker threads) when the instance stops. */
  close?(): Promise<void>;
}

/** The environment a capability's job kinds are made in, once per instance. */
export interface JobEnvironment {
  handle: DbHandle;
  /** A streaming replica for heavy reads, else the primary. */
  readHandle: DbHandle;
  config: Config;
}

/** A failure a person can act on: recorded with its message and not tried again. */
export class JobFailed extends Error {}
