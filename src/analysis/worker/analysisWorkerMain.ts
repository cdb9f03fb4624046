/**
 * An analysis worker thread: its own connection to the database (and so its own column store), answering analysis
 * jobs posted by analysisPool.ts, so reading and counting hundreds of thousands of responses never holds up the main
 * thread's event loop. Messages: {id, job} in; {id, outcome} or {id, failure} (a bug: the message and stack) out.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type DatabaseTarget, openDatabase } from '../../db/database.js';
import { type AnalysisJob, type AnalysisOutcome, runAnalysisJob } from '../analysisJob.js';

/** A niceness between the request thread (0) and an import's checking thread (19). */
const ANALYSIS_NICE = 10;

export interface JobMessage {
  id: number;
  job: AnalysisJob;
}
export type ReplyMessage = { id: number; outcome: AnalysisOutcome } | { id: number; failure: string };

const port = parentPort;
if (!port) throw new Error('analysisWorkerMain runs on a worker thread');
// Below the thread that answers requests (on Linux a thread's nice value is its own): on a busy machine a public
// submission is answered before another dashboard is counted.
try {
  os.setPriority(ANALYSIS_NICE);
} catch {
  // Not allowed here: it runs at the normal priority.
}
const handle = await openDatabase((workerData as { target: DatabaseTarget }).target);

port.on('message', ({ id, job }: JobMessage) => {
  runAnalysisJob(handle, job).then(
    (outcome) => port.postMessage({ id, outcome } satisfies ReplyMessage),
    (err: unknown) => port.postMessage({ id, failure: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ReplyMessage),
  );
});
