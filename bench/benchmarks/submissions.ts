import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
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

/**
 * Durable submissions with 50 concurrent clients on SQLite (synchronous=FULL): the real API endpoint (validation,
 * idempotency, group commit) beside two minimal Fastify routes measured in the same run, one transaction per request
 * (naive) and group commit (the ceiling). Then every acknowledgement is checked against the rows stored.
 */
const submissions: Benchmark = {
  name: 'submissions',
  description: 'POST /api/v1/consultations/{id}/responses, 50 connections, 5 s, SQLite FULL sync, vs minimal naive and group-commit routes',
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-submit-'));
    try {
      const minimal = (mode: 'naive' | 'group') =>
        startServerProcess({
          label: `minimal ${mode}`,
          nodeArgs: ['--import', 'tsx', 'bench/support/minimalSubmitServer.ts', '{port}', path.join(dir, `${mode}.sqlite`), mode],
        });
      const naive = await measure(await minimal('naive'), '/submit', LOAD);
      const group = await measure(await minimal('group'), '/submit', LOAD);

      const dbPath = path.join(dir, 'app.sqlite');
      const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
      await migrateToLatest(handle);
      const { consultationId } = await openConsultation(handle);
      await handle.close();
      const app = await startServerProcess({
        label: 'saferplan serve',
        nodeArgs: ['bin/saferplan.js', '--db', dbPath, 'serve', '--no-demo', '--port', '{port}', '--host', '127.0.0.1'],
        env: { NODE_ENV: 'production', SESSION_SECRET: crypto.randomBytes(32).toString('hex'), SUBMISSION_RATE_LIMIT: '0' },
        readyPath: '/health',
      });
      const urlPath = `/api/v1/consultations/${consultationId}/responses`;
      let real: LoadResult;
      let stored: number;
      try {
        await runLoad({ url: `${app.url}${urlPath}`, ...LOAD, durationSeconds: 1 });
        const before = countRows(dbPath);
        real = await runLoad({ url: `${app.url}${urlPath}`, ...LOAD });
        await new Promise((r) => setTimeout(r, 200)); // let in-flight requests finish before counting
        stored = countRows(dbPath) - before;
      } finally {
        await app.stop();
      }
      const failed = real.non2xx + real.errors + real.timeouts > 0;
      const value = failed ? 0 : real.requestsPerSecond;
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
          notes: describeLoad(group),
        },
        { name: 'API submissions/s', value, unit: 'req/s', better: 'higher', target: { kind: 'atLeast', value: 10_000 }, notes: describeLoad(real) },
        { name: 'API p99 latency', value: real.latencyP99Ms, unit: 'ms', better: 'lower', target: { kind: 'atMost', value: 20 } },
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
          target: { kind: 'ratioAtLeast', ratio: 0.4 },
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
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default submissions;
