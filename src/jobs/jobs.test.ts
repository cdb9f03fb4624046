// The shared job queue: each job runs once across instances, leases pass on, failures retry or stop, stops hand back.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { loadConfig } from '../app/config.js';
import { type DbHandle, openDatabase } from '../db/database.js';
import { claimNextJob, failAbandonedJobs, findJob } from './queries/jobQueue.js';
import { queueJob } from './queueJob.js';
import { JobRunner } from './runner.js';
import { JobFailed, type JobKind } from './types.js';

const config = loadConfig({});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachEngine('job queue', ({ engine, handle, target }) => {
  // A second connection to the same database, as a second instance has.
  let other: DbHandle;
  beforeAll(async () => {
    other = await openDatabase(engine === 'sqlite' ? { kind: 'sqlite', path: target() } : { kind: 'postgres', url: target() });
  });
  afterAll(() => other.close());
  beforeEach(async () => {
    await handle().db.deleteFrom('jobs').execute();
  });

  const runnerOn = (h: DbHandle, kinds: Record<string, JobKind>, o: { leaseMs?: number; concurrency?: number } = {}) =>
    new JobRunner({ handle: h, config, kinds, pollMs: 20, ...o });

  it('runs each of 40 jobs exactly once when two instances with two slots each claim at the same time', async () => {
    const runs = new Map<number, number>();
    const count: JobKind = {
      async run(payload) {
        const n = (payload as { n: number }).n;
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await sleep(2);
      },
    };
    for (let n = 0; n < 40; n++) await queueJob(handle().db, { kind: 'count', partnershipId: null, payload: { n } });
    const a = runnerOn(handle(), { count }, { concurrency: 2 });
    const b = runnerOn(other, { count }, { concurrency: 2 });
    await Promise.all([a.drain(), b.drain()]);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect([...runs.values()].every((times) => times === 1)).toBe(true);
    const statuses = await handle().db.selectFrom('jobs').select(['status', 'attempts', 'progress']).execute();
    expect(statuses.every((s) => s.status === 'done' && s.attempts === 1 && s.progress === 100)).toBe(true);
  });

  it('leaves a job alone while its lease holds, and lets another instance take it over once the lease runs out', async () => {
    const id = await queueJob(handle().db, { kind: 'slow', partnershipId: null, payload: {} });
    // Instance A claims the job and dies: it never renews its lease.
    const claimed = await claimNextJob(handle(), { workerId: 'dead-instance', leaseMs: 300, kinds: ['slow'] });
    expect(claimed?.id).toBe(id);
    expect(await claimNextJob(other, { workerId: 'b', leaseMs: 300, kinds: ['slow'] })).toBeUndefined();
    await sleep(350);
    const seen: number[] = [];
    const b = runnerOn(other, { slow: { run: async (_p, ctx) => void seen.push(ctx.job.attempts) } });
    await b.drain();
    expect(seen).toEqual([2]);
    expect((await findJob(handle().db, id))?.status).toBe('done');
  });

  it('renews the lease of a job that runs longer than the lease, so no other instance starts it too', async () => {
    let starts = 0;
    const long: JobKind = {
      async run() {
        starts++;
        await sleep(400);
      },
    };
    await queueJob(handle().db, { kind: 'long', partnershipId: null, payload: {} });
    const a = runnerOn(handle(), { long }, { leaseMs: 150 });
    const b = runnerOn(other, { long }, { leaseMs: 150 });
    const first = a.drain();
    await sleep(250);
    await b.drain();
    await first;
    expect(starts).toBe(1);
  });

  it('fails a job whose instances stopped as often as it allows, and tells its kind so it can tidy up', async () => {
    const id = await queueJob(handle().db, { kind: 'fragile', partnershipId: null, payload: { run: 'r1' }, maxAttempts: 2 });
    for (const worker of ['dead-1', 'dead-2']) {
      expect((await claimNextJob(handle(), { workerId: worker, leaseMs: 1, kinds: ['fragile'] }))?.id).toBe(id);
      await sleep(5);
    }
    expect(await claimNextJob(handle(), { workerId: 'c', leaseMs: 1000, kinds: ['fragile'] })).toBeUndefined();
    const abandoned = await failAbandonedJobs(handle().db);
    expect(abandoned.map((j) => [j.id, j.status, j.attempts])).toEqual([[id, 'failed', 2]]);
    expect((await findJob(handle().db, id))?.error).toBe('The app stopped each time it was running this job');
  });

  it('fails at once, with its message, a job that throws JobFailed; retries later one that throws anything else', async () => {
    const told: { reason: string; forPeople: boolean }[] = [];
    const kinds: Record<string, JobKind> = {
      refused: {
        run: async () => Promise.reject(new JobFailed('The consultation has no responses')),
        gaveUp: async (_p, c) => void told.push({ reason: c.reason, forPeople: c.forPeople }),
      },
      broken: {
        run: async () => Promise.reject(new Error('socket hang up')),
        gaveUp: async (_p, c) => void told.push({ reason: c.reason, forPeople: c.forPeople }),
      },
    };
    const refused = await queueJob(handle().db, { kind: 'refused', partnershipId: null, payload: {} });
    const broken = await queueJob(handle().db, { kind: 'broken', partnershipId: null, payload: {}, maxAttempts: 2 });
    const runner = runnerOn(handle(), kinds);
    const before = Date.now();
    await runner.drain();
    expect(await findJob(handle().db, refused)).toMatchObject({ status: 'failed', error: 'The consultation has no responses', attempts: 1 });
    const retry = await findJob(handle().db, broken);
    expect(retry).toMatchObject({ status: 'queued', error: 'socket hang up', attempts: 1 });
    expect(Date.parse(retry?.runAfter ?? '')).toBeGreaterThanOrEqual(before + 10_000);
    expect(told).toEqual([{ reason: 'The consultation has no responses', forPeople: true }]);
    // Its retry time come, the second failure is its last.
    await handle()
      .db.updateTable('jobs')
      .set({ run_after: new Date(0).toISOString() })
      .where('id', '=', broken)
      .execute();
    await runner.drain();
    expect(await findJob(handle().db, broken)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(told[1]).toEqual({ reason: 'socket hang up', forPeople: false });
  });

  it('hands a running job back when its instance stops, without counting the start, and another instance finishes it', async () => {
    const progress: number[] = [];
    const steps: JobKind = {
      async run(_p, ctx) {
        await ctx.progress(40, 'Half way');
        progress.push((await findJob(handle().db, ctx.job.id))?.progress ?? -1);
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
        throw new Error('stopped');
      },
    };
    const id = await queueJob(handle().db, { kind: 'steps', partnershipId: null, payload: {} });
    const a = runnerOn(handle(), { steps });
    a.start();
    for (let i = 0; i < 100 && progress.length === 0; i++) await sleep(20);
    expect(progress).toEqual([40]);
    await a.stop(1000);
    expect(await findJob(handle().db, id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, message: 'Half way' });
    const b = runnerOn(other, { steps: { run: async () => undefined } });
    await b.drain();
    expect(await findJob(handle().db, id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('queues a recurring job once a period however many instances look', async () => {
    const daily = { kind: 'retention', everyMs: 86_400_000 };
    const ran: string[] = [];
    const kinds = { retention: { run: async (_p: unknown, ctx: { job: { id: string } }) => void ran.push(ctx.job.id) } };
    const a = new JobRunner({ handle: handle(), config, kinds, pollMs: 10, recurring: [daily] });
    const b = new JobRunner({ handle: other, config, kinds, pollMs: 10, recurring: [daily] });
    a.start();
    b.start();
    for (let i = 0; i < 100 && ran.length === 0; i++) await sleep(20);
    await sleep(100);
    await Promise.all([a.stop(), b.stop()]);
    const jobs = await handle().db.selectFrom('jobs').select(['kind', 'singleton_key', 'status']).execute();
    expect(jobs).toEqual([{ kind: 'retention', singleton_key: `retention:${Math.floor(Date.now() / 86_400_000)}`, status: 'done' }]);
    expect(ran).toHaveLength(1);
  });
});
