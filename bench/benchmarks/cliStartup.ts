import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileSources } from '../../build/compileSources.js';
import { ensureCompiled } from '../../build/ensureCompiled.js';
import { ROOT } from '../support/servers.js';
import type { Benchmark, Result } from '../support/types.js';

const RUNS = 15;
const BIN = path.join(ROOT, 'bin/saferplan.js');

// Preloaded into each measured process: on exit it writes the process's own CPU time (start-up included) to fd 3.
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import fs from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); fs.writeSync(3, String((u.user + u.system) / 1e6)); });",
)}`;

/** Wall-clock and CPU seconds of one run of `node <args>`, which must succeed. */
function timeOnce(args: string[]): { wall: number; cpu: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { wall, cpu: Number(child.output[3]) };
}

/** Medians of RUNS runs after two warm-up runs (the file cache), with the spread for the notes. */
function measure(args: string[]) {
  timeOnce(args);
  timeOnce(args);
  const runs = Array.from({ length: RUNS }, () => timeOnce(args));
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const wall = sorted(runs.map((r) => r.wall));
  const cpu = sorted(runs.map((r) => r.cpu));
  const at = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] as number;
  return {
    median: at(wall, 0.5),
    notes: `median of ${RUNS} runs; fastest ${at(wall, 0).toFixed(3)} s, 90th percentile ${at(wall, 0.9).toFixed(3)} s; CPU ${at(cpu, 0.5).toFixed(3)} s`,
  };
}

const load = () => `load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`;

/**
 * How long `saferplan` takes to answer, as a person at a terminal waits for it: a whole process, from spawn to
 * exit, beside an empty `node` started the same way (what no CLI can beat). The CLI is compiled first, as
 * `npm ci` leaves it; the rebuild after an edit to src/ is reported on its own.
 */
const cliStartup: Benchmark = {
  name: 'cli startup',
  description: `saferplan --help and partnership list (SQLite) as whole processes, ${RUNS} runs each, beside an empty node`,
  async run(): Promise<Result[]> {
    const buildStarted = performance.now();
    await compileSources();
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    await ensureCompiled();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-cli-'));
    try {
      const db = path.join(dir, 'cli.sqlite');
      timeOnce([BIN, '--db', db, 'partnership', 'create', '--name', 'Benchshire CSP']);
      const node = measure(['-e', '0']);
      const help = measure([BIN, '--help']);
      const list = measure([BIN, '--db', db, 'partnership', 'list']);
      const baseline = { name: 'empty node', value: node.median };
      const second = { unit: 's', better: 'lower' } as const;
      return [
        { name: 'empty node start', value: node.median, ...second, target: { kind: 'none' }, notes: `${node.notes}; ${load()}` },
        { name: 'saferplan --help', value: help.median, ...second, target: { kind: 'atMost', value: 0.3 }, baseline, notes: help.notes },
        { name: 'saferplan partnership list', value: list.median, ...second, target: { kind: 'atMost', value: 0.5 }, baseline, notes: list.notes },
        {
          name: 'CLI rebuild after an edit',
          value: buildSeconds,
          ...second,
          target: { kind: 'none' },
          notes: 'esbuild bundle of src/ into dist/, paid once by the first command after an edit',
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default cliStartup;
