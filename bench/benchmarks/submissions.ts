import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { combineRounds, loadAlternately } from '../support/alternate.js';
import { describeLoad, type LoadOptions, type LoadResult, runLoad } from '../support/load.js';
import { type ServerProcess, startServerProcess } from '../support/servers.js';
import type { Benchmark, Result } from '../support/types.js';

const LOAD = {
  connections: 50,
  durationSeconds: 5,
  warmupSeconds: 0,
  method: 'POST' as const,
  jsonBody: JSON.stringify({ answers: VALID_CRIME_ANSWERS }),
};
/** The API and the group-commit ceiling take turns in this many rounds of ROUND_SECONDS each. */
const ROUNDS = 3;
const ROUND_SECONDS = 2;

async function measure(server: ServerProcess, urlPath: string, options: Omit<LoadOptions, 'url'>): Promise<LoadResult> {
  try {
    await runLoad({ url: `${server.url}${urlPath}`, ...options, durationSeconds: 1 }); // warm-up
    return await runLoad({ url: `${server.url}${urlPath}`, ...options });
  } finally {
    await server.stop();
  }
}

const countRows = (file: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from responses').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

const minimalServer = (dir: string, mode: 'naive' | 'group') =>
  startServerProcess({
    label: `minimal ${mode}`,
    nodeArgs: ['--import', 'tsx', 'bench/support/minimalSubmitServer.ts', '{port}', path.join(dir, `${mode}.sqlite`), mode],
  });

async function appServer(dir: string): Promise<{ server: ServerProcess; dbPath: string; urlPath: string }> {
  const dbPath = path.join(dir, 'app.sqlite');
  const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
  await migrateToLatest(handle);
  const { consultationId } = await openConsultation(handle);
  await handle.close();
  const server = await startServerProcess({
    label: 'saferplan serve',
    nodeArgs: ['bin/saferplan.js', '--db', dbPath, 'serve', '--no-demo', '--port', '{port}', '--host', '127.0.0.1'],
    env: { NODE_ENV: 'production', SESSION_SECRET: crypto.randomBytes(32).toString('hex'), SUBMISSION_RATE_LIMIT: '0' },
    readyPath: '/health',
  });
  return { server, dbPath, urlPath: `/api/v1/consultations/${consultationId}/responses` };
}

/**
 * Durable submissions with 50 concurrent clients on SQLite (synchronous=FULL): the real API endpoint (validation,
 * idempotency, group commit) beside two minimal Fastify routes, one transaction per request (naive) and group commit
 * (the ceiling). The API and the ceiling are loaded in alternating rounds, so other work on the machine weighs on
 * both alike. Then every acknowledgement is checked against the rows stored.
 */
const submissions: Benchmark = {
  name: 'submissions',
  description: `POST /api/v1/consultations/{id}/responses, 50 connections, SQLite FULL sync: vs a minimal naive route (5 s), and vs a minimal group-commit route in ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s each`,
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-submit-'));
    const running: ServerProcess[] = [];
    try {
      const naive = await measure(await minimalServer(dir, 'naive'), '/submit', LOAD);
      const ceiling = await minimalServer(dir, 'group');
      running.push(ceiling);
      const app = await appServer(dir);
      running.push(app.server);
      const round = (url: string) => () => runLoad({ url, ...LOAD, durationSeconds: ROUND_SECONDS });
      const ceilingUrl = `${ceiling.url}/submit`;
      const apiUrl = `${app.server.url}${app.urlPath}`;
      for (const url of [ceilingUrl, apiUrl]) await runLoad({ url, ...LOAD, durationSeconds: 1 }); // warm-up
      const before = countRows(app.dbPath);
      const rounds = await loadAlternately(round(ceilingUrl), round(apiUrl), ROUNDS);
      await new Promise((r) => setTimeout(r, 200)); // let in-flight requests finish before counting
      const stored = countRows(app.dbPath) - before;
      const group = combineRounds(rounds.a);
      const real = combineRounds(rounds.b);
      const failed = real.non2xx + real.errors + real.timeouts > 0;
      const value = failed ? 0 : real.requestsPerSecond;
      const perRound = rounds.b.map((r, i) => `${Math.round(r.requestsPerSecond)}/${Math.round(rounds.a[i]?.requestsPerSecond ?? 0)}`).join(', ');
      return [
        {
          name: 'minimal naive req/s',
          value: naive.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'none' },
          notes: describeLoad(naive),
        },
        {
          name: 'minimal group-commit req/s',
          value: group.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'none' },
          notes: `${describeLoad(group)}; p99 by round ${rounds.a.map((r) => r.latencyP99Ms).join(', ')} ms`,
        },
        {
          name: 'API submissions/s',
          value,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'atLeast', value: 10_000 },
          notes: `${describeLoad(real)}; API/ceiling req/s by round ${perRound}`,
        },
        {
          name: 'API p99 latency',
          value: real.latencyP99Ms,
          unit: 'ms',
          better: 'lower',
          target: { kind: 'atMost', value: 20 },
          notes: `median of the rounds' p99: ${rounds.b.map((r) => r.latencyP99Ms).join(', ')} ms`,
        },
        {
          name: 'API vs naive',
          value,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'ratioAtLeast', ratio: 2.5 },
          baseline: { name: 'minimal naive', value: naive.requestsPerSecond },
        },
        {
          name: 'API vs group-commit ceiling',
          value,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'ratioAtLeast', ratio: 0.5 },
          baseline: { name: 'minimal group commit', value: group.requestsPerSecond },
        },
        {
          name: 'acknowledged but not stored',
          value: Math.max(0, real.ok - stored),
          unit: 'responses',
          better: 'lower',
          target: { kind: 'atMost', value: 0 },
          notes: `${real.ok} acknowledged (201), ${stored} rows stored`,
        },
      ];
    } finally {
      for (const server of running) await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default submissions;
