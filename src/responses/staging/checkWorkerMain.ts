/**
 * An import's checking thread (checkRowsInWorker.ts): reads and checks one file, posting each batch of good rows and
 * waiting for the main thread to ask for the next before posting another (it checks one batch ahead), then the
 * outcome. It lowers its own scheduling priority first (on Linux a thread's nice value is its own), so on a busy
 * machine the main thread's requests and the response writer come first.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { ResponseRow } from '../responseRow.js';
import { TableFormatError } from '../tableRow.js';
import { type CheckInput, type CheckOutcome, checkRows } from './checkRows.js';

export type CheckReply = { batch: ResponseRow[] } | { outcome: CheckOutcome } | { formatError: string } | { failure: string };

const port = parentPort;
if (!port) throw new Error('checkWorkerMain runs on a worker thread');
try {
  os.setPriority(19);
} catch {
  // Not allowed here (some containers): it runs at the normal priority, still off the main thread.
}

let asked = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  asked++;
  wake?.();
});
const askedFor = async (n: number) => {
  while (asked < n) await new Promise<void>((resolve) => (wake = resolve));
};

try {
  const rows = checkRows((workerData as { input: CheckInput }).input);
  let posted = 0;
  let next = await rows.next();
  while (!next.done) {
    await askedFor(posted);
    port.postMessage({ batch: next.value } satisfies CheckReply);
    posted++;
    next = await rows.next();
  }
  port.postMessage({ outcome: next.value } satisfies CheckReply);
} catch (err) {
  port.postMessage(
    (err instanceof TableFormatError
      ? { formatError: err.message }
      : { failure: err instanceof Error ? (err.stack ?? err.message) : String(err) }) satisfies CheckReply,
  );
}
