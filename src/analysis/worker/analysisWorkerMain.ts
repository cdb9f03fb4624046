/**
 * An analysis worker thread: its own connection to the database (and so its own column store), answering analysis
 * jobs posted by analysisPool.ts, so reading and counting hundreds of thousands of responses never holds up the main
 * thread's event loop. Messages: {id, job} in; {id, outcome} or {id, failure} (a bug: the message and stack) out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DatabaseTarget, openDatabase } from '../../db/database.js';
import { type AnalysisJob, type AnalysisOutcome, runAnalysisJob } from '../analysisJob.js';

export interface JobMessage {
  id: number;
  job: AnalysisJob;
}
export type ReplyMessage = { id: number; outcome: AnalysisOutcome } | { id: number; failure: string };

const port = parentPort;
if (!port) throw new Error('analysisWorkerMain runs on a worker thread');
const handle = await openDatabase((workerData as { target: DatabaseTarget }).target);

port.on('message', ({ id, job }: JobMessage) => {
  runAnalysisJob(handle, job).then(
    (outcome) => port.postMessage({ id, outcome } satisfies ReplyMessage),
    (err: unknown) => port.postMessage({ id, failure: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ReplyMessage),
  );
});
