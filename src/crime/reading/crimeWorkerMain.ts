/**
 * A crime import's reading thread (readInWorker.ts): reads, checks and places the files' rows (readCrimeRows.ts),
 * posting batches up to four ahead of the writer, then the outcome. It lowers its own scheduling priority first (on
 * Linux a thread's nice value is its own), so on a busy machine the server's requests come first.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type Batch, CrimeFileRejected, type ReadingInput, type ReadingOutcome, readCrimeRows } from './readCrimeRows.js';

export type ReadingReply =
  | { batch: Batch }
  | { outcome: ReadingOutcome }
  | { rejected: { file: string; row: number; reason: string } }
  | { failure: string };

const AHEAD = 4;
const port = parentPort;
if (!port) throw new Error('crimeWorkerMain runs on a worker thread');
try {
  os.setPriority(19);
} catch {
  // Not allowed here (some containers): it runs at the normal priority, still off the main thread.
}

let taken = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  taken++;
  wake?.();
});

try {
  const batches = readCrimeRows((workerData as { input: ReadingInput }).input);
  let posted = 0;
  let next = await batches.next();
  while (!next.done) {
    while (posted - taken >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    port.postMessage({ batch: next.value } satisfies ReadingReply);
    posted++;
    next = await batches.next();
  }
  port.postMessage({ outcome: next.value } satisfies ReadingReply);
} catch (err) {
  port.postMessage(
    (err instanceof CrimeFileRejected
      ? { rejected: { file: err.file, row: err.row, reason: err.reason } }
      : { failure: err instanceof Error ? err.message : String(err) }) satisfies ReadingReply,
  );
}
