import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { REPOSITORY_ROOT, SOURCE_ROOT } from '../../platform/repositoryPaths.js';
import type { ReadingReply } from './crimeWorkerMain.js';
import { type Batch, CrimeFileRejected, type ReadingInput, type ReadingOutcome } from './readCrimeRows.js';

/** Running from the TypeScript source (tests, tsx) the thread runs the source too; from the bundle, the bundle's entry. */
const ENTRY = import.meta.url.endsWith('.ts')
  ? path.join(SOURCE_ROOT, 'crime/reading/crimeWorkerMain.ts')
  : path.join(REPOSITORY_ROOT, 'dist/crime/readWorker.js');
const BOOTSTRAP = path.join(SOURCE_ROOT, 'crime/reading/crimeWorker.js');
/** Its live data is a few batches and the boundaries; a limit keeps a runaway file from taking the server's memory. */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 };

/**
 * readCrimeRows on a thread of its own (crimeWorkerMain.ts), so parsing and placing run beside the database writes
 * and never hold up the server's requests: the same batches and outcome, and the same CrimeFileRejected. Stopping
 * early (an error while writing) ends the thread.
 */
export async function* readInWorker(input: ReadingInput): AsyncGenerator<Batch, ReadingOutcome> {
  const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, input }, resourceLimits: HEAP_LIMITS });
  const inbox: ReadingReply[] = [];
  let ended: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (m: ReadingReply) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (err: NodeJS.ErrnoException) => {
    ended ??=
      err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`reading the files needed more than ${HEAP_LIMITS.maxOldGenerationSizeMb} MB`) : err;
    wake?.();
  });
  worker.on('exit', (code) => {
    ended ??= new Error(`the import's reading thread stopped (exit ${code})`);
    wake?.();
  });
  const received = async (): Promise<ReadingReply> => {
    for (;;) {
      const m = inbox.shift();
      if (m) return m;
      if (ended) throw ended;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  try {
    for (;;) {
      const m = await received();
      if ('batch' in m) {
        yield m.batch;
        worker.postMessage('taken');
      } else if ('outcome' in m) return m.outcome;
      else if ('rejected' in m) throw new CrimeFileRejected(m.rejected.file, m.rejected.row, m.rejected.reason);
      else throw new Error(`the import's reading thread failed: ${m.failure}`);
    }
  } finally {
    await worker.terminate();
  }
}
