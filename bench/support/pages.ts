import { spawnSync } from 'node:child_process';
import type { HttpClient } from '../../test-support/httpClient.js';
import { ROOT } from './servers.js';

/** The analysis benchmark's seeding, in a process of its own: one open crime survey holding `rows` demo-like responses. */
export function seedDemoResponses(dbPath: string, rows: number): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/benchmarks/analysis.ts', '--seed-only', dbPath, String(rows)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`seeding failed: ${child.stderr}`);
  return child.stdout.trim().split('\n').at(-1) as string;
}

/** GETs a page that must answer 200: how long it took, in ms, and its HTML. */
export async function timedPage(client: HttpClient, url: string): Promise<{ ms: number; html: string }> {
  const t = performance.now();
  const res = await client.get(url);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { ms: performance.now() - t, html };
}
