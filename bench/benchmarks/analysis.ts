import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisContext } from '../../src/analysis/analyseConsultation.js';
import { analyseStoredConsultation } from '../../src/analysis/analyseStoredConsultation.js';
import { availableBreakdowns, crossTab } from '../../src/analysis/crossTab.js';
import { generateDemoResponses } from '../../src/consultations/demo/generateDemoResponses.js';
import { loadConsultation } from '../../src/consultations/queries/loadConsultation.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { COVENTRY_WARDS } from '../../src/partnerships/demo/coventry.js';
import { slugify } from '../../src/platform/slugify.js';
import { openConsultation } from '../../test-support/consultations.js';
import { ROOT } from '../support/servers.js';
import type { Benchmark, Result } from '../support/types.js';

const SELF = fileURLToPath(import.meta.url);

/** A SQLite file holding one open crime survey with `rows` demo-like responses, inserted directly in one transaction. */
async function seed(dbPath: string, rows: number): Promise<string> {
  const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
  await migrateToLatest(handle);
  const { consultationId, partnershipId } = await openConsultation(handle);
  const wards = COVENTRY_WARDS.map((name) => ({ code: slugify(name), name }));
  const demo = generateDemoResponses({ wards, count: 5000, opens: '2024-07-09T23:00:00.000Z', closes: '2024-10-02T22:59:59.000Z' }).map((r) => ({
    channel: r.channel,
    answers: JSON.stringify(r.answers),
  }));
  if (handle.driver.kind !== 'sqlite') throw new Error('the analysis bench runs on SQLite');
  const sqlite = handle.driver.sqlite;
  const insert = sqlite.prepare(
    'insert into responses (partnership_id, id, consultation_id, reference, survey_version, channel, answers, submitted_at, is_demo) values (?, ?, ?, ?, 1, ?, ?, ?, 0)',
  );
  const start = Date.parse('2024-07-10T00:00:00Z');
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const d = demo[i % demo.length]!;
      insert.run(
        partnershipId,
        crypto.randomUUID(),
        consultationId,
        `R${i.toString(36).toUpperCase().padStart(9, '0')}`,
        d.channel,
        d.answers,
        new Date(start + i * 1000).toISOString(),
      );
    }
  })();
  await handle.close();
  return consultationId;
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
    const ctx = analysisContext(table, { template: consultation.template });
    let crossTabs = 0;
    const breakdowns = availableBreakdowns(table, ctx.indicators);
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

function runChild(dbPath: string, consultationId: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--analyse-child', dbPath, consultationId], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`analysis failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof fullAnalysis>>;
}

const sizes = (process.env.BENCH_ANALYSIS_MILLION === '0' ? [100_000] : [100_000, 1_000_000]) as number[];

const analysisBenchmark: Benchmark = {
  name: 'analysis',
  description: 'full survey analysis (every question, indicators, every standard cross-tab) read from SQLite, in its own process',
  async run(): Promise<Result[]> {
    const out: Result[] = [];
    for (const rows of sizes) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-analysis-'));
      try {
        const dbPath = path.join(dir, 'analysis.sqlite');
        const id = await seed(dbPath, rows);
        const r = runChild(dbPath, id);
        const label = rows === 100_000 ? '100k' : '1M';
        const notes = `${r.n} responses, ${r.questions} questions, ${r.crossTabs} cross-tabs; read + questions ${r.readAndQuestions.toFixed(2)} s, cross-tabs ${r.crossTabSeconds.toFixed(2)} s; CPU ${r.cpuSeconds.toFixed(2)} s (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs)`;
        out.push({
          name: `analysis ${label} seconds`,
          value: r.n === rows ? r.seconds : Number.POSITIVE_INFINITY,
          unit: 's',
          better: 'lower',
          target: { kind: 'atMost', value: rows === 100_000 ? 1 : 10 },
          notes,
        });
        if (rows === 1_000_000)
          out.push({ name: 'analysis 1M peak memory', value: r.maxRssMb, unit: 'MB', better: 'lower', target: { kind: 'atMost', value: 1024 } });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    return out;
  },
};

export default analysisBenchmark;

if (process.argv[2] === '--seed-only') {
  process.stdout.write(`${await seed(process.argv[3] as string, Number(process.argv[4]))}\n`);
}
if (process.argv[2] === '--analyse-child') {
  const r = await fullAnalysis(process.argv[3] as string, process.argv[4] as string);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
