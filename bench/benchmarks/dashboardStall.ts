/**
 * Review M5: "five dashboard loads at 500,000 responses stalled submissions for 13 s". The real app serves a SQLite
 * file of demo-like responses; five dashboards with different filters are asked at once while GET /health is asked
 * every 10 ms from this process. The slowest /health is how long the server's event loop was held up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COVENTRY_WARDS, DEMO_PASSWORD } from '../../src/partnerships/demo/coventry.js';
import { slugify } from '../../src/platform/slugify.js';
import { HttpClient } from '../../test-support/httpClient.js';
import { startAppServer } from '../support/appServer.js';
import { seedDemoResponses, timedPage } from '../support/pages.js';
import type { Benchmark, Result } from '../support/types.js';

const RESPONSES = Number(process.env.BENCH_STALL_RESPONSES ?? 100_000);
const DASHBOARDS = 5;
const label = RESPONSES >= 1000 ? `${RESPONSES / 1000}k` : String(RESPONSES);

const timed = async (client: HttpClient, url: string) => (await timedPage(client, url)).ms;

const benchmark: Benchmark = {
  name: 'dashboard stall',
  description: `event-loop stall (slowest GET /health) while ${DASHBOARDS} dashboards load at once at ${label} responses, and their times`,
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-stall-'));
    try {
      const dbPath = path.join(dir, 'stall.sqlite');
      const consultationId = seedDemoResponses(dbPath, RESPONSES);
      const server = await startAppServer({}, dbPath);
      try {
        const client = new HttpClient(server.url);
        await client.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
        const page = (ward: string) => `/staff/consultations/${consultationId}/analysis?ward=${slugify(ward)}`;
        const first = await timed(client, `/staff/consultations/${consultationId}/analysis`);
        const alone = await timed(client, page(COVENTRY_WARDS[0] as string));

        let loading = true;
        const started = performance.now();
        const dashboards = Promise.all(COVENTRY_WARDS.slice(1, 1 + DASHBOARDS).map((w) => timed(client, page(w)))).finally(() => {
          loading = false;
        });
        const probe = new HttpClient(server.url);
        const health: number[] = [];
        while (loading) {
          health.push(await timed(probe, '/health'));
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const times = await dashboards;
        const allDone = performance.now() - started;
        const stall = Math.max(...health);
        const context = `${RESPONSES} responses, load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`;
        return [
          {
            name: `stall, ${DASHBOARDS} dashboards ${label} ms`,
            value: stall,
            unit: 'ms',
            better: 'lower',
            target: { kind: 'atMost', value: 100 },
            notes: `slowest of ${health.length} GET /health while the dashboards loaded (median ${median(health).toFixed(0)} ms); ${context}`,
          },
          {
            name: `${DASHBOARDS} dashboards at once ${label} ms`,
            value: allDone,
            unit: 'ms',
            better: 'lower',
            target: { kind: 'none' },
            notes: `each: ${times.map((t) => t.toFixed(0)).join(', ')} ms; one alone ${alone.toFixed(0)} ms; the first after start-up (reads the columns) ${first.toFixed(0)} ms`,
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export default benchmark;
