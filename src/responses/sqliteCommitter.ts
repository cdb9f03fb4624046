import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SOURCE_ROOT } from '../platform/repositoryPaths.js';
import { type BatchOutcome, type Committer, type NewResponse, pushColumnValues, RESPONSE_COLUMNS, type RowOutcome } from './responseRow.js';

/** What the writer thread sends back: nothing, a failure, or each row not stored as given as [index, outcome]. */
interface Reply {
  id: number;
  exceptions?: [number, RowOutcome][];
  error?: string;
}

// Plain JavaScript read from the source tree, so it runs as it is under tsx, vitest and the bundle in dist/.
const WORKER = path.join(SOURCE_ROOT, 'responses/sqliteWriterWorker.js');

interface Waiting {
  resolve: (outcome: BatchOutcome) => void;
  reject: (err: Error) => void;
}

const NONE: BatchOutcome = new Map();

/**
 * Commits batches of responses on a worker thread with its own SQLite connection (sqliteWriterWorker.js). A batch
 * travels as one flat array of column values: copying plain values to the thread costs a fraction of copying one
 * object per row, and all of it is time the main thread does not spend answering requests.
 */
export class SqliteCommitter implements Committer {
  private worker?: Worker;
  private waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(private readonly file: string) {}

  commit(batch: readonly NewResponse[]): Promise<BatchOutcome> {
    // The writer thread opens the file itself: an in-memory database would be a different, empty one there.
    if (this.file === ':memory:' || this.file === '') {
      return Promise.reject(new Error('responses cannot be stored in an in-memory SQLite database: use a file'));
    }
    const worker = this.start();
    const id = this.nextId++;
    const values: unknown[] = [];
    for (const response of batch) pushColumnValues(values, response);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, values });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER, { workerData: { file: this.file, columns: RESPONSE_COLUMNS } });
    // The worker must never keep a finished process alive; nothing is acknowledged before it has committed.
    worker.unref();
    worker.on('message', (m: Reply) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(`could not store responses: ${m.error}`));
      else w?.resolve(m.exceptions ? new Map(m.exceptions) : NONE);
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
