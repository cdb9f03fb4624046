import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { createScratchDatabase, postgresAvailability, replicaUrlOf } from '../../test-support/postgres.js';
import { describeLoad, type LoadResult, runLoad } from '../support/load.js';
import { type Bouncer, pgbouncerInstalled, startPgbouncer } from '../support/pgbouncer.js';
import { type ServerProcess, startServerProcess } from '../support/servers.js';
import type { Benchmark, Result } from '../support/types.js';

const SECONDS = 5;
const CONNECTIONS = 50;

/** How long the replica took to replay everything the primary had written when asked. */
async function replicaCatchUpMs(primaryUrl: string, replicaUrl: string): Promise<number> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await Promise.all([primary.connect(), replica.connect()]);
  try {
    const started = Date.now();
    const target = (await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0]?.lsn ?? '0/0';
    for (;;) {
      const { rows } = await replica.query<{ behind: boolean }>('select pg_last_wal_replay_lsn() < $1::pg_lsn as behind', [target]);
      if (!rows[0]?.behind || Date.now() - started > 30_000) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await Promise.all([primary.end(), replica.end()]);
  }
}

const instance = (databaseUrl: string, label: string, readUrl?: string) =>
  startServerProcess({
    label,
    nodeArgs: ['bin/saferplan.js', 'serve', '--no-demo', '--port', '{port}', '--host', '127.0.0.1'],
    env: {
      NODE_ENV: 'production',
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      ...(readUrl ? { DATABASE_READ_URL: readUrl } : {}),
      SUBMISSION_RATE_LIMIT: '0',
    },
    readyPath: '/ready',
  });

async function storedResponses(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('select count(*) as n from responses')).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const sum = (runs: LoadResult[]): LoadResult => ({
  requestsPerSecond: runs.reduce((t, r) => t + r.requestsPerSecond, 0),
  latencyMeanMs: runs.reduce((t, r) => t + r.latencyMeanMs, 0) / runs.length,
  latencyP99Ms: Math.max(...runs.map((r) => r.latencyP99Ms)),
  requests: runs.reduce((t, r) => t + r.requests, 0),
  ok: runs.reduce((t, r) => t + r.ok, 0),
  non2xx: runs.reduce((t, r) => t + r.non2xx, 0),
  errors: runs.reduce((t, r) => t + r.errors, 0),
  timeouts: runs.reduce((t, r) => t + r.timeouts, 0),
  bytesPerSecond: runs.reduce((t, r) => t + r.bytesPerSecond, 0),
});

/**
 * Several instances on PostgreSQL through pgbouncer (transaction mode): survey submissions a second and p99 from one
 * instance, then from two sharing the same database (each loaded by its own client process), and whether every
 * acknowledged response was stored. Skipped, with the reason, where PostgreSQL or pgbouncer is missing.
 */
const scaleOut: Benchmark = {
  name: 'scale-out',
  description: `POST /api/v1/consultations/{id}/responses through pgbouncer to PostgreSQL: one instance, then two (${CONNECTIONS} connections each, ${SECONDS} s)`,
  async run(): Promise<Result[]> {
    const pgState = await postgresAvailability();
    const missing = !pgState.available ? `PostgreSQL unreachable (${pgState.reason})` : !pgbouncerInstalled() ? 'pgbouncer not installed' : '';
    if (missing)
      return [
        { name: 'two instances submissions/s', value: 0, unit: 'req/s', better: 'higher', target: { kind: 'none' }, notes: `skipped: ${missing}` },
      ];
    const scratch = await createScratchDatabase();
    const running: (ServerProcess | Bouncer)[] = [];
    try {
      const handle = await openDatabase({ kind: 'postgres', url: scratch.url });
      await migrateToLatest(handle);
      const { consultationId } = await openConsultation(handle);
      await handle.close();
      const replicaUrl = await replicaUrlOf(scratch.url);
      const bouncer = await startPgbouncer(new URL(scratch.url));
      running.push(bouncer);
      const path = `/api/v1/consultations/${consultationId}/responses`;
      const load = (server: ServerProcess, seconds = SECONDS) =>
        runLoad({
          url: `${server.url}${path}`,
          connections: CONNECTIONS,
          durationSeconds: seconds,
          warmupSeconds: 0,
          method: 'POST',
          jsonBody: JSON.stringify({ answers: VALID_CRIME_ANSWERS }),
        });
      const a = await instance(bouncer.url, 'instance A', replicaUrl);
      running.push(a);
      await load(a, 1);
      const one = await load(a);
      const b = await instance(bouncer.url, 'instance B', replicaUrl);
      running.push(b);
      await load(b, 1);
      const before = await storedResponses(scratch.url);
      const two = sum(await Promise.all([load(a), load(b)]));
      await new Promise((r) => setTimeout(r, 300));
      const stored = (await storedResponses(scratch.url)) - before;
      const catchUp = replicaUrl ? await replicaCatchUpMs(scratch.url, replicaUrl) : undefined;
      const failures = two.non2xx + two.errors + two.timeouts;
      const replicaResult: Result = {
        name: 'replica caught up after the load',
        value: catchUp ?? 0,
        unit: 'ms',
        better: 'lower',
        target: { kind: 'none' },
        notes: replicaUrl
          ? 'streaming replica (pg_basebackup) on port 5433; the instances had DATABASE_READ_URL'
          : 'skipped: no streaming replica on this machine (.ci/run makes one on port 5433)',
      };
      return [
        replicaResult,
        {
          name: 'one instance submissions/s',
          value: one.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'none' },
          notes: describeLoad(one),
        },
        {
          name: 'two instances submissions/s',
          value: failures ? 0 : two.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'ratioAtLeast', ratio: 1.5 },
          baseline: { name: 'one instance', value: one.requestsPerSecond },
          notes: `${describeLoad(two)}; p99 one instance ${one.latencyP99Ms} ms`,
        },
        {
          name: 'two instances p99',
          value: two.latencyP99Ms,
          unit: 'ms',
          better: 'lower',
          target: { kind: 'none' },
        },
        {
          name: 'acknowledged responses lost',
          value: Math.max(0, two.ok - stored),
          unit: 'responses',
          better: 'lower',
          target: { kind: 'atMost', value: 0 },
          // Requests still in flight when the load stopped are stored but not counted as acknowledged.
          notes: `${two.ok} acknowledged (201), ${stored} rows stored`,
        },
      ];
    } finally {
      for (const r of running.reverse()) await r.stop();
      await scratch.drop();
    }
  },
};

export default scaleOut;
