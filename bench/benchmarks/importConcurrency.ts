import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/partnerships/demo/coventry.js';
import { VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { HttpClient } from '../../test-support/httpClient.js';
import { startAppServer } from '../support/appServer.js';
import { importInChildProcess, prepareDatabase } from '../support/importFile.js';
import { describeLoad, type LoadResult, runLoad } from '../support/load.js';
import { writeResponsesCsv, writeShortResponsesCsv } from '../support/responsesFile.js';
import type { Benchmark, Result } from '../support/types.js';

const IMPORT_ROWS = 450_000;
/** Responses already stored, so each dashboard load has real work to do. */
const STORED_ROWS = 50_000;
const DASHBOARDS = 5;
const SUBMISSION_LOAD = { connections: 10, warmupSeconds: 0, method: 'POST' as const, jsonBody: JSON.stringify({ answers: VALID_CRIME_ANSWERS }) };

/**
 * POSTs the form with node:http, which waits as long as the import takes: fetch gives up on a response after
 * 300 s, and on a busy machine a 450,000-row import beside five dashboards can take longer.
 */
async function postWithoutTimeout(url: string, form: FormData, client: HttpClient): Promise<string> {
  const request = new Request(url, { method: 'POST', body: form });
  const body = Buffer.from(await request.arrayBuffer());
  const cookie = (client as unknown as { cookies: Map<string, string> }).cookies;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': request.headers.get('content-type') as string,
          'content-length': body.length,
          cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        // A stored import redirects to the page saying how many it stored: the count is in the address.
        res.on('end', () => resolve(res.statusCode === 303 ? `redirect ${res.headers.location ?? ''}` : text));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Loads the page again and again until told to stop: how long each load took, in ms, and the failures (a reused
 * keep-alive socket can be reset by a server whose timers run late; that is reported, not fatal).
 */
async function keepLoading(client: HttpClient, url: string, stop: () => boolean): Promise<{ times: number[]; failures: string[] }> {
  const times: number[] = [];
  const failures: string[] = [];
  while (!stop()) {
    const started = performance.now();
    try {
      const res = await client.get(url);
      await res.arrayBuffer();
      if (res.status === 200) times.push(performance.now() - started);
      else failures.push(`status ${res.status}`);
    } catch (err) {
      failures.push((err as Error).message);
    }
  }
  return { times, failures };
}

/**
 * Public submissions while an analyst imports a 450,000-row CSV through the web form and five dashboards load
 * again and again: submissions must not wait for the import (they waited 29 s when it held the database while it
 * read the file). The submission load (10 connections, from autocannon's own process) starts with the upload and
 * runs for a fixed window inside the import; the dashboards load throughout that window.
 */
const importConcurrency: Benchmark = {
  name: 'import concurrency',
  description: `submissions p99 during a ${IMPORT_ROWS.toLocaleString('en-GB')}-row import and ${DASHBOARDS} concurrent dashboard loads (SQLite)`,
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-import-load-'));
    try {
      const { dbPath, consultationId } = await prepareDatabase(dir, 'busy.sqlite');
      const seed = path.join(dir, 'seed.csv');
      writeResponsesCsv(seed, STORED_ROWS);
      importInChildProcess(dbPath, consultationId, seed);
      const csv = path.join(dir, 'import.csv');
      writeShortResponsesCsv(csv, IMPORT_ROWS);
      const server = await startAppServer({ SUBMISSION_RATE_LIMIT: '0' }, dbPath);
      try {
        const idle = await runLoad({ url: `${server.url}/api/v1/consultations/${consultationId}/responses`, ...SUBMISSION_LOAD, durationSeconds: 3 });
        const analysts = await Promise.all(
          Array.from({ length: DASHBOARDS + 1 }, async () => {
            const client = new HttpClient(server.url);
            await client.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
            return client;
          }),
        );
        const [uploader, ...viewers] = analysts as [HttpClient, ...HttpClient[]];
        const page = `/staff/consultations/${consultationId}/import`;
        const _csrf = await uploader.csrfFrom(page);
        const form = new FormData();
        form.append('file', new Blob([fs.readFileSync(csv)]), 'import.csv');

        const started = performance.now();
        let importFinished = false;
        const importing = postWithoutTimeout(`${server.url}${page}?_csrf=${encodeURIComponent(_csrf)}`, form, uploader)
          .then((html) => ({
            ok: html.endsWith(`?imported=${IMPORT_ROWS}`),
            refusal: /govuk-error-summary__list[\s\S]*?<a[^>]*>([^<]*)</.exec(html)?.[1]?.trim() ?? '',
            failure: '',
          }))
          .catch((err: Error) => ({ ok: false, refusal: '', failure: err.message }))
          .then((r) => ({ ...r, seconds: (performance.now() - started) / 1000 }))
          .finally(() => {
            importFinished = true;
          });
        let loadDone = false;
        const dashboards = Promise.all(viewers.map((v) => keepLoading(v, `/staff/consultations/${consultationId}/analysis`, () => loadDone)));
        // Submissions run in 10 s windows until the import has ended, so its final insert is measured too; the
        // figure is the worst window's p99.
        const windows: LoadResult[] = [];
        do {
          windows.push(
            await runLoad({ url: `${server.url}/api/v1/consultations/${consultationId}/responses`, ...SUBMISSION_LOAD, durationSeconds: 10 }),
          );
        } while (!importFinished);
        // A window in which no submission completed, or some failed, is a stall, whatever its p99 says.
        const stalled = windows.filter((w) => w.ok === 0 || w.non2xx + w.errors + w.timeouts > 0);
        const busy = stalled[0] ?? windows.reduce((worst, w) => (w.latencyP99Ms > worst.latencyP99Ms ? w : worst));
        loadDone = true;
        const imported = await importing;
        const loads = await dashboards;
        const times = loads.flatMap((l) => l.times);
        const failures = loads.flatMap((l) => l.failures);
        const died = server.exited?.();
        if (died || failures.length > 0 || imported.failure)
          throw new Error(`import: ${imported.failure || 'ok'}; dashboards: ${failures.join(', ') || 'ok'}; server ${died ?? 'up'}`);
        const within = `submissions ran in ${windows.length} windows of 10 s until it ended, p99 by window ${windows.map((w) => w.latencyP99Ms).join(', ')} ms, ${stalled.length ? `${stalled.length} window(s) STALLED, the first: ` : 'worst window: '}${describeLoad(busy)}`;
        return [
          {
            name: 'submissions p99 during import',
            value: imported.ok && stalled.length === 0 ? busy.latencyP99Ms : Number.POSITIVE_INFINITY,
            unit: 'ms',
            better: 'lower',
            target: { kind: 'atMost', value: 100 },
            notes: `idle beforehand p99 ${idle.latencyP99Ms} ms; import ${imported.ok ? 'of' : `FAILED (${imported.refusal})`} ${IMPORT_ROWS} rows (${(fs.statSync(csv).size / 1_048_576).toFixed(1)} MB) took ${imported.seconds.toFixed(1)} s (${within}); ${times.length} dashboard loads, slowest ${Math.max(0, ...times).toFixed(0)} ms${failures.length ? `, ${failures.length} FAILED (${[...new Set(failures)].join(', ')})` : ''}`,
          },
        ];
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default importConcurrency;
