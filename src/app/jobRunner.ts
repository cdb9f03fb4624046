import type { FastifyInstance } from 'fastify';
import { type JobKinds, JobRunner } from '../jobs/index.js';
import { CAPABILITIES } from './capabilities.js';
import type { Services } from './services.js';

/** Starts this instance's job runner with every capability's job kinds once the app is ready; stops it on close. */
export async function attachJobRunner(app: FastifyInstance, services: Services): Promise<JobRunner | undefined> {
  if (services.config.jobConcurrency === 0) return undefined;
  const env = { handle: services.handle, readHandle: services.readHandle, config: services.config };
  const made: JobKinds[] = [];
  for (const capability of CAPABILITIES) {
    const factory = await capability.jobs?.();
    if (factory) made.push(factory(env));
  }
  const runner = new JobRunner({
    handle: services.handle,
    config: services.config,
    kinds: Object.assign({}, ...made.map((m) => m.kinds)),
    recurring: made.flatMap((m) => m.recurring ?? []),
    concurrency: services.config.jobConcurrency,
    log: app.log,
  });
  services.jobs.listen(() => runner.wake());
  app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', async () => {
    await runner.stop();
    for (const m of made) await m.close?.();
  });
  return runner;
}
