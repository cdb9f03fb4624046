import type { DbHandle } from '../db/database.js';
import { AppError } from '../platform/errors.js';
import { committerFor } from './committerFor.js';
import { newReference } from './reference.js';
import type { BatchOutcome, Committer, NewResponse, ResponseRow } from './responseRow.js';

export interface StoredResponse {
  id: string;
  reference: string;
  /** True when an earlier submission with the same Idempotency-Key was found instead. */
  duplicate: boolean;
}

interface Pending extends NewResponse {
  resolve: (r: StoredResponse) => void;
  reject: (e: unknown) => void;
}

const keyReused = () =>
  new AppError(
    'idempotency_key_reused',
    422,
    'This Idempotency-Key was already used for a different request: send a new key with a new response (a retry must repeat the same body)',
  );

/** At most this many rows a transaction, so one burst never makes a single commit (and its wait) unbounded. */
const MAX_BATCH = 2000;
/**
 * An import's rows go only when no submission is waiting, in commits this small while submissions are arriving (one
 * waits for one such commit at most), larger when none has come for a second (an import alone goes faster).
 */
const BULK_BATCH = { busy: 50, quiet: 500 };
const QUIET_AFTER_MS = 1000;

/** `now` for a person waiting on the answer; `bulk` for an import's rows, which give way to them. */
export type WritePriority = 'now' | 'bulk';

/**
 * Group commit: submissions arriving while the previous batch is being committed are written together in one
 * transaction, and each promise resolves only after that transaction has committed (durably: SQLite
 * synchronous=FULL, or a PostgreSQL commit). One fsync serves many responses, which is what makes 10,000 a second
 * possible. Each engine commits in its own way (committerFor.ts); on SQLite the commit runs on a worker thread, so
 * the next batch is received and validated while the previous one is being flushed to disk.
 */
export class ResponseWriter {
  private queue: Pending[] = [];
  private bulk: Pending[] = [];
  private lastSubmissionAt = 0;
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private readonly committer: Committer;
  /** The database written to, for what is stored beside a response once it is durable (redaction's originals). */
  readonly db: DbHandle['db'];

  constructor(handle: DbHandle) {
    this.committer = committerFor(handle);
    this.db = handle.db;
  }

  write(row: ResponseRow, priority: WritePriority = 'now'): Promise<StoredResponse> {
    return new Promise((resolve, reject) => {
      const pending = { row, id: crypto.randomUUID(), reference: newReference(), resolve, reject };
      if (priority === 'bulk') this.bulk.push(pending);
      else {
        this.queue.push(pending);
        this.lastSubmissionAt = performance.now();
      }
      // While a batch is committing, the queue is the next batch: it goes as soon as that commit returns.
      if (!this.scheduled && !this.flushing) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.startFlush();
        });
      }
    });
  }

  /** Waits for everything queued so far to be committed. */
  async drain(): Promise<void> {
    for (this.startFlush(); this.flushing; this.startFlush()) await this.flushing;
  }

  /** Stops the engine's committer (the SQLite writer thread) once everything queued has been committed. */
  async close(): Promise<void> {
    await this.drain();
    await this.committer.close();
  }

  private startFlush(): void {
    if (this.flushing) return;
    if (this.queue.length > 0) this.flushing = this.commit(this.queue.splice(0, MAX_BATCH));
    else if (this.bulk.length > 0) {
      const quiet = performance.now() - this.lastSubmissionAt > QUIET_AFTER_MS;
      this.flushing = this.commit(this.bulk.splice(0, quiet ? BULK_BATCH.quiet : BULK_BATCH.busy));
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    let outcome: BatchOutcome;
    try {
      outcome = await this.committer.commit(batch);
    } catch (err) {
      this.flushing = null;
      this.startFlush();
      for (const p of batch) p.reject(err);
      return;
    }
    for (const [i, o] of outcome) {
      if (o.status !== 'collision') continue;
      const p = batch[i] as Pending;
      p.reference = newReference();
      this.queue.push(p);
    }
    // The next batch goes to the disk before this one is acknowledged: the commit overlaps sending the answers.
    this.flushing = null;
    this.startFlush();
    for (const [i, p] of batch.entries()) {
      const o = outcome.get(i);
      if (o === undefined) p.resolve({ id: p.id, reference: p.reference, duplicate: false });
      else if (o.status === 'duplicate') p.resolve({ id: o.id, reference: o.reference, duplicate: true });
      else if (o.status === 'key_reused') p.reject(keyReused());
    }
  }
}
