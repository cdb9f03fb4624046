import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, type ServerProcess } from './servers.js';

export interface LoadOptions {
  url: string;
  connections?: number;
  durationSeconds?: number;
  warmupSeconds?: number;
  /** Pipelined requests per connection (1 = none, like a browser). */
  pipelining?: number;
  method?: 'GET' | 'POST';
  /** Request body (sent with content-type application/json). */
  jsonBody?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyMeanMs: number;
  latencyP99Ms: number;
  requests: number;
  /** Responses with a 2xx status: for submissions, the acknowledgements. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
}

const AUTOCANNON = path.join(ROOT, 'node_modules/.bin/autocannon');

/**
 * Generates load from a second process (autocannon's CLI), so the load generator never shares an event loop
 * (or, on a multi-core machine, a core) with the server it measures. Warm-up first, then the measured run.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const warmup = options.warmupSeconds ?? 1;
  const request = requestArgs(options);
  if (warmup > 0) await autocannon(['-c', String(connections), '-d', String(warmup), ...request, options.url]);
  const out = await autocannon([
    '-c',
    String(connections),
    '-d',
    String(options.durationSeconds ?? 5),
    '-p',
    String(options.pipelining ?? 1),
    ...request,
    options.url,
  ]);
  const r = JSON.parse(out) as {
    requests: { average: number; total: number };
    latency: { average: number; p99: number };
    throughput: { average: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    '2xx': number;
  };
  return {
    requestsPerSecond: r.requests.average,
    latencyMeanMs: r.latency.average,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerSecond: r.throughput.average,
  };
}

function requestArgs(options: LoadOptions): string[] {
  const args = options.method ? ['-m', options.method] : [];
  if (options.jsonBody !== undefined) args.push('-H', 'content-type=application/json', '-b', options.jsonBody);
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
  return args;
}

function autocannon(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(AUTOCANNON, ['--json', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const json = stdout.trim().split('\n').filter(Boolean).at(-1);
      if (code === 0 && json) resolve(json);
      else reject(new Error(`autocannon ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

/** A short human summary to put beside a figure. */
export function describeLoad(r: LoadResult): string {
  const failures = r.non2xx + r.errors + r.timeouts;
  return `mean ${r.latencyMeanMs.toFixed(1)} ms, p99 ${r.latencyP99Ms} ms, ${r.requests} requests${failures ? `, ${failures} FAILED (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})` : ''}`;
}

/** Starts a server process, loads one of its paths, stops it (even when the load fails). */
export async function loadServer(start: () => Promise<ServerProcess>, urlPath: string, options: Omit<LoadOptions, 'url'> = {}): Promise<LoadResult> {
  const server = await start();
  try {
    return await runLoad({ url: `${server.url}${urlPath}`, ...options });
  } finally {
    await server.stop();
  }
}
