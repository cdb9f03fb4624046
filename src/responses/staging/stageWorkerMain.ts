/**
 * An import's staging thread (stageInWorker.ts): stages one file, posts the outcome and ends. It lowers its own
 * scheduling priority first (on Linux, a thread's nice value is its own), so on a busy machine the main thread's
 * requests and the response writer come before it. Messages out: {outcome}, {formatError} or {failure}.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { TableFormatError } from '../tableRow.js';
import { type StageInput, type StageOutcome, stageRows } from './stageRows.js';

export type StageReply = { outcome: StageOutcome } | { formatError: string } | { failure: string };

const port = parentPort;
if (!port) throw new Error('stageWorkerMain runs on a worker thread');
try {
  os.setPriority(19);
} catch {
  // Not allowed here (some containers): it runs at the normal priority, still off the main thread.
}
try {
  const outcome = await stageRows((workerData as { input: StageInput }).input);
  port.postMessage({ outcome } satisfies StageReply);
} catch (err) {
  port.postMessage(
    (err instanceof TableFormatError
      ? { formatError: err.message }
      : { failure: err instanceof Error ? (err.stack ?? err.message) : String(err) }) satisfies StageReply,
  );
}
