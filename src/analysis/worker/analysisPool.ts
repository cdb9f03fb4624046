/**
 * Analysis off the main thread (review M5): jobs run on worker threads, each with its own database connection and
 * column store, so a dashboard over 500,000 responses no longer stalls submissions and every other request.
 * - Each consultation always goes to the same worker, so its columns are read and held once, not once per thread.
 * - Identical jobs asked while one is running share it; the worker remembers outcomes per table (analysisJob.ts).
 * - A worker that dies fails its jobs (a 500 each) and is started again by the next job; nothing is left unhandled.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { byDialect } from '../../db/byDialect.js';
import type { DatabaseTarget, DbHandle } from '../../db/database.js';
import { REPOSITORY_ROOT, SOURCE_ROOT } from '../../platform/repositoryPaths.js';
import { type AnalysisJob, type AnalysisOutcome, jobKey, runAnalysisJob } from '../analysisJob.js';
import type { JobMessage, ReplyMessage } from './analysisWorkerMain.js';

interface Waiting {
  resolve: (outcome: AnalysisOutcome) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/** Running from the TypeScript source (tests, tsx) the worker runs the source too; from the bundle, the bundle's entry. */
const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? path.join(SOURCE_ROOT, 'analysis/worker/analysisWorkerMain.ts')
  : path.join(REPOSITORY_ROOT, 'dist/analysis/worker.js');
const BOOTSTRAP = path.join(SOURCE_ROOT, 'analysis/worker/analysisWorker.js');

/** Threads for analysis: one core is left to the main thread, and a few suffice (each holds its consultations' columns). */
export const defaultAnalysisThreads = () => Math.max(1, Math.min(4, os.availableParallelism() - 1));

/** Where a worker connects: the same SQLite file, or the same PostgreSQL database through a pool of its own. */
export function workerTarget(handle: Pick<DbHandle, 'driver'>): DatabaseTarget | null {
  return byDialect<DatabaseTarget | null>(handle, {
    sqlite: ({ sqlite }) => (sqlite.memory ? null : { kind: 'sqlite', path: sqlite.name }),
    postgres: ({ pool }) => (pool.options.connectionString ? { kind: 'postgres', url: pool.options.connectionString } : null),
  });
}

export class AnalysisPool {
  private readonly slots: (Slot | undefined)[];
  private readonly running = new Map<string, Promise<AnalysisOutcome>>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly target: DatabaseTarget,
    threads = defaultAnalysisThreads(),
  ) {
    this.slots = new Array(threads).fill(undefined);
  }

  run(job: AnalysisJob): Promise<AnalysisOutcome> {
    const key = jobKey(job);
    const same = this.running.get(key);
    if (same) return same;
    const run = this.post(job);
    this.running.set(key, run);
    const forget = () => {
      if (this.running.get(key) === run) this.running.delete(key);
    };
    run.then(forget, forget);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.slots.flatMap((s) => (s ? [s.worker] : []));
    this.slots.fill(undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private post(job: AnalysisJob): Promise<AnalysisOutcome> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    const slot = this.slotFor(slotIndex(job.consultation.id, this.slots.length));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job } satisfies JobMessage);
    });
  }

  private slotFor(index: number): Slot {
    const existing = this.slots[index];
    if (existing) return existing;
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: WORKER_ENTRY, target: this.target } });
    // Idle workers never keep a finished process alive; a waiting request keeps it alive through its socket.
    worker.unref();
    const slot: Slot = { worker, waiting: new Map() };
    worker.on('message', (m: ReplyMessage) => {
      const w = slot.waiting.get(m.id);
      slot.waiting.delete(m.id);
      if ('outcome' in m) w?.resolve(m.outcome);
      else w?.reject(new Error(`analysis failed on its worker thread: ${m.failure}`));
    });
    const fail = (err: Error) => {
      if (this.slots[index] === slot) this.slots[index] = undefined;
      for (const w of slot.waiting.values()) w.reject(err);
      slot.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analysis worker stopped (exit ${code})`)));
    this.slots[index] = slot;
    return slot;
  }
}

/** A consultation's worker: the same one every time, spread over the threads. */
export function slotIndex(consultationId: string, slots: number): number {
  let h = 0;
  for (let i = 0; i < consultationId.length; i++) h = (h * 31 + consultationId.charCodeAt(i)) >>> 0;
  return h % slots;
}

export interface AnalysisRunner {
  run(job: AnalysisJob): Promise<AnalysisOutcome>;
  close(): Promise<void>;
}

/** Analysis on this thread: for batch work (the demo, a command) where a worker would only build the same tables again. */
export function analysisInThisThread(handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>): AnalysisRunner {
  return { run: (job) => runAnalysisJob(handle, job), close: async () => undefined };
}

/** Worker threads for a database they can reach; an in-memory SQLite database (tests only) is analysed in this thread. */
export function analysisRunnerFor(handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>): AnalysisRunner {
  const target = workerTarget(handle);
  return target ? new AnalysisPool(target) : analysisInThisThread(handle);
}
