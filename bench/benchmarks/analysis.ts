import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisContext } from '../../src/analysis/analyseConsultation.js';
import { analyseStoredConsultation } from '../../src/analysis/analyseStoredConsultation.js';
import { BREAKDOWNS, breakdownFor, crossTab } from '../../src/analysis/crossTab.js';
import { generateDemoResponses } from '../../src/consultations/demo/generateDemoResponses.js';
import { loadConsultation } from '../../src/consultations/queries/loadConsultation.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { COVENTRY_WARDS, DEMO_PASSWORD } from '../../src/partnerships/demo/coventry.js';
import { slugify } from '../../src/platform/slugify.js';
import { openConsultation } from '../../test-support/consultations.js';
import { startAppServer } from '../support/appServer.js';
import { ROOT } from '../support/servers.js';
import type { Benchmark, Result } from '../support/types.js';

const SELF = fileURLToPath(import.meta.url);
const WARDS = COVENTRY_WARDS.map((name) => ({ code: slugify(name), name }));
/** Responses that arrive after the stored columns were last saved: read from their JSON by the measured run. */
const ARRIVED_SINCE = 500;

/** Inserts `rows` demo-like responses directly, in one transaction (the submission path is measured elsewhere). */
async function insertDemoRows(dbPath: string, ids: { partnershipId: string; consultationId: string }, first: number, rows: number) {
  const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
  if (handle.driver.kind !== 'sqlite') throw new Error('the analysis bench runs on SQLite');
  const demo = generateDemoResponses({ wards: WARDS, count: 5000, opens: '2024-07-09T23:00:00.000Z', closes: '2024-10-02T22:59:59.000Z' }).map(
    (r) => ({
      channel: r.channel,
      answers: JSON.stringify(r.answers),
    }),
  );
  const sqlite = handle.driver.sqlite;
  const insert = sqlite.prepare(
    'insert into responses (partnership_id, id, consultation_id, reference, survey_version, channel, answers, submitted_at, is_demo) values (?, ?, ?, ?, 1, ?, ?, ?, 0)',
  );
  const start = Date.parse('2024-07-10T00:00:00Z');
  sqlite.transaction(() => {
    for (let i = first; i < first + rows; i++) {
      const d = demo[i % demo.length]!;
      const reference = `R${i.toString(36).toUpperCase().padStart(9, '0')}`;
      insert.run(
        ids.partnershipId,
        crypto.randomUUID(),
        ids.consultationId,
        reference,
        d.channel,
        d.answers,
        new Date(start + i * 1000).toISOString(),
      );
    }
  })();
  await handle.close();
}

/** A SQLite file holding one open crime survey with `rows` demo-like responses. */
async function seed(dbPath: string, rows: number) {
  const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
  await migrateToLatest(handle);
  const ids = await openConsultation(handle);
  await handle.close();
  await insertDemoRows(dbPath, ids, 0, rows);
  return ids;
}

/** Every question, the indicators and every standard cross-tab (each choice question by each breakdown), read from the database. */
async function fullAnalysis(dbPath: string, consultationId: string) {
  const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const consultation = (await loadConsultation(handle.db, consultationId))!;
    const outcome = await analyseStoredConsultation({ handle, consultation });
    if (!outcome.ok) throw outcome.error;
    const { table, result } = outcome.analysis;
    const t1 = performance.now();
    const ctx = analysisContext(table, {});
    let crossTabs = 0;
    const breakdowns = BREAKDOWNS.filter((b) => breakdownFor(table, b.code));
    for (const q of result.questions) {
      if (q.type !== 'single_choice' && q.type !== 'rating_grid' && q.type !== 'multiple_choice') continue;
      for (const b of breakdowns) {
        if (q.code === b.code) continue;
        crossTab(ctx, q.code, b.code);
        crossTabs++;
      }
    }
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    return {
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      seconds: (t2 - t0) / 1000,
      readAndQuestions: (t1 - t0) / 1000,
      crossTabs,
      crossTabSeconds: (t2 - t1) / 1000,
      n: result.n,
      questions: result.questions.length,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await handle.close();
  }
}

/** A full analysis in a process of its own, which starts cold as `saferplan analyse` does. */
function runChild(dbPath: string, consultationId: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--analyse-child', dbPath, consultationId], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`analysis failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof fullAnalysis>>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The staff dashboard with a ward filter, on the real app serving the file; the first request loads the columns. */
async function dashboardTimes(dbPath: string, consultationId: string) {
  // Imported here: the measured child process must not load the web app.
  const { HttpClient } = await import('../../test-support/httpClient.js');
  const server = await startAppServer({}, dbPath);
  try {
    const client = new HttpClient(server.url);
    await client.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
    const page = async (ward: string) => {
      const t = performance.now();
      const res = await client.get(`/staff/consultations/${consultationId}/analysis?ward=${ward}`);
      await res.text();
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
      return performance.now() - t;
    };
    const first = await page(WARDS[0]!.code);
    const times: number[] = [];
    for (const w of WARDS.slice(1, 8)) times.push(await page(w.code));
    return { first, times };
  } finally {
    await server.stop();
  }
}

const sizes = (process.env.BENCH_ANALYSIS_MILLION === '0' ? [100_000] : [100_000, 1_000_000]) as number[];

const analysisBenchmark: Benchmark = {
  name: 'analysis',
  description:
    'full survey analysis (every question, indicators, every standard cross-tab) from SQLite in a process of its own, after the columns were stored and more responses arrived; the dashboard with a filter',
  async run(): Promise<Result[]> {
    const out: Result[] = [];
    for (const rows of sizes) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-analysis-'));
      try {
        const dbPath = path.join(dir, 'analysis.sqlite');
        const ids = await seed(dbPath, rows);
        // The first analysis after a bulk load parses every response once and stores the columns.
        const build = runChild(dbPath, ids.consultationId);
        await insertDemoRows(dbPath, ids, rows, ARRIVED_SINCE);
        const r = runChild(dbPath, ids.consultationId);
        const label = rows === 100_000 ? '100k' : '1M';
        const total = rows + ARRIVED_SINCE;
        const notes = `${r.n} responses (${ARRIVED_SINCE} arrived after the columns were stored), ${r.questions} questions, ${r.crossTabs} cross-tabs; read + questions + indicators ${r.readAndQuestions.toFixed(3)} s, cross-tabs ${r.crossTabSeconds.toFixed(3)} s; CPU ${r.cpuSeconds.toFixed(2)} s; the first analysis after the bulk load (building the columns from JSON) took ${build.seconds.toFixed(2)} s (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs)`;
        out.push({
          name: `analysis ${label} seconds`,
          value: r.n === total ? r.seconds : Number.POSITIVE_INFINITY,
          unit: 's',
          better: 'lower',
          target: { kind: 'atMost', value: rows === 100_000 ? 0.25 : 2.5 },
          notes,
        });
        if (rows === 1_000_000)
          out.push({ name: 'analysis 1M peak memory', value: r.maxRssMb, unit: 'MB', better: 'lower', target: { kind: 'atMost', value: 512 } });
        if (rows === 100_000) {
          const d = await dashboardTimes(dbPath, ids.consultationId);
          out.push({
            name: 'dashboard 100k ms',
            value: median(d.times),
            unit: 'ms',
            better: 'lower',
            target: { kind: 'atMost', value: 300 },
            notes: `median of ${d.times.length} ward filters (${d.times.map((t) => t.toFixed(0)).join(', ')} ms); the first request after start-up, which loads the stored columns, ${d.first.toFixed(0)} ms`,
          });
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    return out;
  },
};

export default analysisBenchmark;

if (process.argv[2] === '--seed-only') {
  process.stdout.write(`${(await seed(process.argv[3] as string, Number(process.argv[4]))).consultationId}\n`);
}
if (process.argv[2] === '--analyse-child') {
  const r = await fullAnalysis(process.argv[3] as string, process.argv[4] as string);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
