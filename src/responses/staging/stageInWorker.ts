import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { REPOSITORY_ROOT, SOURCE_ROOT } from '../../platform/repositoryPaths.js';
import { TableFormatError } from '../tableRow.js';
import type { StageInput, StageOutcome } from './stageRows.js';
import type { StageReply } from './stageWorkerMain.js';

/** Running from the TypeScript source (tests, tsx) the thread runs the source too; from the bundle, the bundle's entry. */
const ENTRY = import.meta.url.endsWith('.ts')
  ? path.join(SOURCE_ROOT, 'responses/staging/stageWorkerMain.ts')
  : path.join(REPOSITORY_ROOT, 'dist/responses/stageWorker.js');
const BOOTSTRAP = path.join(SOURCE_ROOT, 'responses/staging/stageWorker.js');

/**
 * Stages an import's rows on a thread of its own (stageWorkerMain.ts), one thread an import, ended when it is done.
 * A file that cannot be read as a whole rejects with TableFormatError, as staging in this thread would.
 */
export function stageInWorker(input: StageInput): Promise<StageOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, input } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.once('message', (m: StageReply) =>
      settle(() => {
        if ('outcome' in m) resolve(m.outcome);
        else if ('formatError' in m) reject(new TableFormatError(m.formatError));
        else reject(new Error(`the import's staging thread failed: ${m.failure}`));
      }),
    );
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the import's staging thread stopped (exit ${code})`))));
  });
}
