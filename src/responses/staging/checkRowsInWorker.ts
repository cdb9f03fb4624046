import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { REPOSITORY_ROOT, SOURCE_ROOT } from '../../platform/repositoryPaths.js';
import type { ResponseRow } from '../responseRow.js';
import { TableFormatError } from '../tableRow.js';
import type { CheckInput, CheckOutcome } from './checkRows.js';
import type { CheckReply } from './checkWorkerMain.js';

/** Running from the TypeScript source (tests, tsx) the thread runs the source too; from the bundle, the bundle's entry. */
const ENTRY = import.meta.url.endsWith('.ts')
  ? path.join(SOURCE_ROOT, 'responses/staging/checkWorkerMain.ts')
  : path.join(REPOSITORY_ROOT, 'dist/responses/checkWorker.js');
const BOOTSTRAP = path.join(SOURCE_ROOT, 'responses/staging/checkWorker.js');

/**
 * The checking thread's heap. Its live data is small (a row, a batch, an XLSX's shared strings, which readXlsx bounds
 * to 50 million characters); the limit makes V8 collect instead of growing the heap, which it otherwise does freely
 * while rows are read fast, and a file that would need more ends the thread, not the server.
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

/**
 * checkRows on a thread of its own (checkWorkerMain.ts), one an import: the same batches and outcome, and a file that
 * cannot be read as a whole throws TableFormatError as it would here. Stopping early (an error while writing) ends
 * the thread.
 */
export async function* checkRowsInWorker(input: CheckInput): AsyncGenerator<ResponseRow[], CheckOutcome> {
  const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, input }, resourceLimits: HEAP_LIMITS });
  const inbox: CheckReply[] = [];
  let ended: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (m: CheckReply) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (err: NodeJS.ErrnoException) => {
    ended ??=
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new TableFormatError(
            `The file needs more than the ${HEAP_LIMITS.maxOldGenerationSizeMb} MB an import may use to be checked: split it into smaller files`,
          )
        : err;
    wake?.();
  });
  worker.on('exit', (code) => {
    ended ??= new Error(`the import's checking thread stopped (exit ${code})`);
    wake?.();
  });
  const received = async (): Promise<CheckReply> => {
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
        worker.postMessage('next');
      } else if ('outcome' in m) return m.outcome;
      else if ('formatError' in m) throw new TableFormatError(m.formatError);
      else throw new Error(`the import's checking thread failed: ${m.failure}`);
    }
  } finally {
    await worker.terminate();
  }
}
