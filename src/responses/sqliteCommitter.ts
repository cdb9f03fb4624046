import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SOURCE_ROOT } from '../platform/repositoryPaths.js';

export type RowOutcome = { status: 'stored' } | { status: 'duplicate'; id: string; reference: string } | { status: 'collision' };

// Plain JavaScript read from the source tree, so it runs as it is under tsx, vitest and the bundle in dist/.
const WORKER = path.join(SOURCE_ROOT, 'responses/sqliteWriterWorker.js');

interface Waiting {
  resolve: (outcomes: RowOutcome[]) => void;
  reject: (err: Error) => void;
}

/** Commits batches of response rows on a worker thread with its own SQLite connection (sqliteWriterWorker.js). */
export class SqliteCommitter {
  private worker?: Worker;
  private waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly columns: readonly string[],
  ) {}

  commit(rows: readonly object[]): Promise<RowOutcome[]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, rows });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER, { workerData: { file: this.file, columns: this.columns } });
    // The worker must never keep a finished process alive; nothing is acknowledged before it has committed.
    worker.unref();
    worker.on('message', (m: { id: number; results?: RowOutcome[]; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(`could not store responses: ${m.error}`));
      else w?.resolve(m.results ?? []);
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the response writer stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }
}
