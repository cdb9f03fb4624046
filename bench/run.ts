// npm run bench [-- <name filter>...] [--list] [--json <file>]
// Runs every benchmark in bench/benchmarks/*.ts (each default-exports a Benchmark), prints each figure beside its
// target and its ratio to a baseline measured in the same run, then a summary table. Always exits 0 unless the
// harness itself breaks: a missed target is reported as MISS, not a failure (this is a benchmark, not a test).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatLine, formatTable, type Row, toRows } from './support/report.js';
import type { Benchmark } from './support/types.js';

const BENCHMARKS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'benchmarks');

function isBenchmark(value: unknown): value is Benchmark {
  const v = value as Partial<Benchmark> | undefined;
  return typeof v?.name === 'string' && typeof v.run === 'function';
}

export async function discoverBenchmarks(dir = BENCHMARKS): Promise<{ file: string; benchmark: Benchmark }[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort();
  const found: { file: string; benchmark: Benchmark }[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    if (!isBenchmark(mod.default)) throw new Error(`bench/benchmarks/${file} must default-export { name, run(): Promise<Result[]> }`);
    found.push({ file, benchmark: mod.default });
  }
  return found;
}

function parseArgs(argv: string[]) {
  const filters: string[] = [];
  let list = false;
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--list') list = true;
    else if (a === '--json') json = argv[++i];
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench [-- <name filter>...] [--list] [--json <file>]\n');
      process.exit(0);
    } else filters.push(a.toLowerCase());
  }
  return { filters, list, json };
}

async function main() {
  const { filters, list, json } = parseArgs(process.argv.slice(2));
  const all = await discoverBenchmarks();
  const chosen = all.filter(
    ({ file, benchmark }) => !filters.length || filters.some((f) => benchmark.name.toLowerCase().includes(f) || file.toLowerCase().includes(f)),
  );
  if (list) {
    for (const { file, benchmark } of all) process.stdout.write(`${benchmark.name.padEnd(24)} ${file}  ${benchmark.description ?? ''}\n`);
    return;
  }
  if (!chosen.length) {
    process.stderr.write(`no benchmark matches ${filters.join(', ')}; npm run bench -- --list shows them\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`SaferPlan benchmarks on Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'})\n`);
  const rows: Row[] = [];
  const broken: string[] = [];
  for (const { benchmark } of chosen) {
    process.stdout.write(`\n# ${benchmark.name}${benchmark.description ? `: ${benchmark.description}` : ''}\n`);
    const started = Date.now();
    try {
      const results = await benchmark.run();
      for (const row of toRows(benchmark.name, results)) {
        rows.push(row);
        process.stdout.write(`  ${formatLine(row)}\n${row.result.notes ? `      ${row.result.notes}\n` : ''}`);
      }
      process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (err) {
      broken.push(benchmark.name);
      process.stdout.write(`  BROKEN: ${(err as Error).stack ?? String(err)}\n`);
    }
  }
  process.stdout.write(`\nSummary\n${formatTable(rows)}\n`);
  const missed = rows.filter((r) => r.verdict === 'MISS').length;
  process.stdout.write(
    `\n${rows.filter((r) => r.verdict === 'PASS').length} PASS, ${missed} MISS, ${rows.filter((r) => r.verdict === 'INFO').length} INFO${broken.length ? `, ${broken.length} BROKEN (${broken.join(', ')})` : ''}\n`,
  );
  if (json) fs.writeFileSync(json, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, rows }, null, 2)}\n`);
  // A missed target is information; a benchmark that could not run at all is a broken harness.
  if (broken.length) process.exitCode = 1;
}

await main();
