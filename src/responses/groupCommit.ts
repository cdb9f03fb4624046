import type { DbHandle } from '../db/database.js';
import { newReference } from './reference.js';
import { type RowOutcome, SqliteCommitter } from './sqliteCommitter.js';

export interface ResponseRow {
  partnership_id: string;
  consultation_id: string;
  survey_version: number;
  channel: string;
  answers: string;
  submitted_at: string;
  entered_by: string | null;
  idempotency_key: string | null;
  import_id: string | null;
  is_demo: number;
}

export interface StoredResponse {
  id: string;
  reference: string;
  /** True when an earlier submission with the same Idempotency-Key was found instead. */
  duplicate: boolean;
}

interface Pending {
  row: ResponseRow & { id: string; reference: string };
  resolve: (r: StoredResponse) => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 2000;

const COLUMNS = [
  'partnership_id',
  'id',
  'consultation_id',
  'reference',
  'survey_version',
  'channel',
  'answers',
  'submitted_at',
  'entered_by',
  'idempotency_key',
  'import_id',
  'is_demo',
] as const;

/**
 * Group commit: submissions arriving in one event-loop turn are written in one transaction, and each
 * promise resolves only after that transaction has committed (durably: SQLite synchronous=FULL, or a
 * PostgreSQL commit). One fsync serves many responses, which is what makes 10,000 a second possible.
 * On SQLite the commit runs on a worker thread (sqliteCommitter.ts), so the next batch is received and
 * validated while the previous one is being flushed to disk.
 */
export class ResponseWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;

  constructor(private readonly handle: DbHandle) {}

  write(row: ResponseRow): Promise<StoredResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: { ...row, id: crypto.randomUUID(), reference: newReference() }, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Waits for everything queued so far to be committed. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) await (this.flushing ?? this.flush());
  }

  private async flush(): Promise<void> {
    if (this.flushing) {
      await this.flushing;
      return this.flush();
    }
    this.scheduled = false;
    // At most MAX_BATCH rows a transaction: PostgreSQL takes at most 65,535 parameters in one statement.
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.flushing = (this.handle.driver.kind === 'sqlite' ? this.flushSqlite(batch) : this.flushPostgres(batch)).finally(() => {
      this.flushing = null;
      if (this.queue.length > 0 && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
    return this.flushing;
  }

  private committer?: SqliteCommitter;

  /** Stops the SQLite writer thread once everything queued has been committed. */
  async close(): Promise<void> {
    await this.drain();
    await this.committer?.close();
  }

  private async flushSqlite(batch: Pending[]): Promise<void> {
    if (this.handle.driver.kind !== 'sqlite') throw new Error('unreachable');
    const file = this.handle.driver.sqlite.name;
    let outcomes: RowOutcome[];
    try {
      // The writer thread opens the file itself: an in-memory database would be a different, empty one there.
      if (file === ':memory:' || file === '') throw new Error('responses cannot be stored in an in-memory SQLite database: use a file');
      this.committer ??= new SqliteCommitter(file, COLUMNS);
      outcomes = await this.committer.commit(batch.map((p) => p.row));
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    const retry: Pending[] = [];
    outcomes.forEach((o, i) => {
      const p = batch[i]!;
      if (o.status === 'stored') p.resolve({ id: p.row.id, reference: p.row.reference, duplicate: false });
      else if (o.status === 'duplicate') p.resolve({ id: o.id, reference: o.reference, duplicate: true });
      else retry.push(p);
    });
    // A reference already taken (vanishingly rare): the same row goes again with a new reference.
    for (const p of retry) {
      p.row.reference = newReference();
      this.queue.push(p);
    }
  }

  private async flushPostgres(batch: Pending[]): Promise<void> {
    if (this.handle.driver.kind !== 'postgres') throw new Error('unreachable');
    const client = await this.handle.driver.pool.connect();
    const results: StoredResponse[] = [];
    try {
      await client.query('begin');
      const values: unknown[] = [];
      const tuples = batch.map((p, i) => {
        for (const c of COLUMNS) values.push(p.row[c]);
        return `(${COLUMNS.map((_, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`;
      });
      const inserted = await client.query<{ id: string }>(
        `insert into responses (${COLUMNS.join(', ')}) values ${tuples.join(', ')} on conflict do nothing returning id`,
        values,
      );
      const ok = new Set(inserted.rows.map((r) => r.id));
      for (const p of batch) {
        if (ok.has(p.row.id)) {
          results.push({ id: p.row.id, reference: p.row.reference, duplicate: false });
          continue;
        }
        const existing = p.row.idempotency_key
          ? await client.query<{ id: string; reference: string }>(
              'select id, reference from responses where partnership_id = $1 and consultation_id = $2 and idempotency_key = $3',
              [p.row.partnership_id, p.row.consultation_id, p.row.idempotency_key],
            )
          : { rows: [] };
        if (existing.rows[0]) {
          results.push({ ...existing.rows[0], duplicate: true });
          continue;
        }
        p.row.reference = newReference();
        await client.query(
          `insert into responses (${COLUMNS.join(', ')}) values (${COLUMNS.map((_, j) => `$${j + 1}`).join(', ')})`,
          COLUMNS.map((c) => p.row[c]),
        );
        results.push({ id: p.row.id, reference: p.row.reference, duplicate: false });
      }
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      client.release();
      for (const p of batch) p.reject(err);
      return;
    }
    client.release();
    for (const [i, p] of batch.entries()) p.resolve(results[i]!);
  }
}
