/**
 * The theme-coding pages at 100,000 responses (issue 10: "coding pages read all of a consultation's counted
 * responses per request"). The real app serves a SQLite file of demo-like responses, each with the demo's comments;
 * an analyst opens the coding overview, the list of one question's answers, one answer, and the results, while
 * GET /health is asked every 10 ms from this process: the slowest /health is how long the event loop was held up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/partnerships/demo/coventry.js';
import { HttpClient } from '../../test-support/httpClient.js';
import { startAppServer } from '../support/appServer.js';
import { seedDemoResponses, timedPage } from '../support/pages.js';
import type { Benchmark, Result } from '../support/types.js';

const RESPONSES = Number(process.env.BENCH_CODING_RESPONSES ?? 100_000);
const label = `${RESPONSES / 1000}k`;

const benchmark: Benchmark = {
  name: 'coding pages',
  description: `theme-coding pages at ${label} responses: each page's time, and the event loop's longest stall meanwhile`,
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-coding-'));
    try {
      const dbPath = path.join(dir, 'coding.sqlite');
      const consultationId = seedDemoResponses(dbPath, RESPONSES);
      const server = await startAppServer({}, dbPath);
      try {
        const client = new HttpClient(server.url);
        await client.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
        const home = `/staff/consultations/${consultationId}/coding`;
        let loading = true;
        const probe = new HttpClient(server.url);
        const health: number[] = [];
        const probing = (async () => {
          while (loading) {
            health.push((await timedPage(probe, '/health')).ms);
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        })();
        const times: [string, number][] = [];
        try {
          // The first opening seeds the codebook; then each page as an analyst moves through them.
          times.push(['overview (first)', (await timedPage(client, home)).ms]);
          times.push(['overview', (await timedPage(client, home)).ms]);
          const list = await timedPage(client, `${home}/answers?question=feel_safer&filter=uncoded`);
          times.push(['answers list', list.ms]);
          const first = /href="([^"]*\/coding\/answers\/[^"?/]+\/feel_safer)[^"]*"/.exec(list.html)?.[1];
          if (!first) throw new Error('no answer in the list');
          times.push(['one answer', (await timedPage(client, first.replaceAll('&amp;', '&'))).ms]);
          times.push(['results', (await timedPage(client, `${home}/results?question=feel_safer`)).ms]);
        } finally {
          loading = false;
          await probing;
        }
        const page = (name: string) => times.find(([n]) => n === name)?.[1] ?? Number.POSITIVE_INFINITY;
        const slowest = Math.max(...times.filter(([n]) => n !== 'overview (first)').map(([, ms]) => ms));
        const context = `${RESPONSES} responses; ${times.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}`;
        return [
          {
            name: `coding answers list ${label} ms`,
            value: page('answers list'),
            unit: 'ms',
            better: 'lower',
            target: { kind: 'atMost', value: 1000 },
            notes: context,
          },
          { name: `slowest coding page ${label} ms`, value: slowest, unit: 'ms', better: 'lower', target: { kind: 'atMost', value: 2000 } },
          {
            name: `stall during coding pages ${label} ms`,
            value: Math.max(...health),
            unit: 'ms',
            better: 'lower',
            target: { kind: 'atMost', value: 100 },
            notes: `slowest of ${health.length} GET /health while the pages loaded`,
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

export default benchmark;
