export { findJob, queueStatistics } from './queries/jobQueue.js';
export { JobSignal, queueJob } from './queueJob.js';
export { JobRunner } from './runner.js';
export { type Job, type JobContext, type JobEnvironment, JobFailed, type JobKind, type JobKinds } from './types.js';
