// npm run bench -- reports: reports as the officer waits for them, built from live data and rendered with the real code
// (no mocks) on a fresh SQLite file: the demo partnership's committee note as PDF and as DOCX, and the findings
// report (every question charted) of a crime survey with 100,000 responses as PDF. Each figure is build + render;
// the split, and how the build's time falls between its stages, are in the notes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { analysisRunnerFor } from '../../src/analysis/index.js';
import { loadConfig } from '../../src/app/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { loadDemo } from '../../src/demo/loadDemo.js';
import { findPartnership } from '../../src/partnerships/index.js';
import { renderPdf } from '../../src/platform/pdf.js';
import { cliActor } from '../../src/platform/recordAudit.js';
import { buildReport, type ReportRequest } from '../../src/reports/buildReport.js';
import { type ReportFormat, renderReport } from '../../src/reports/render/renderReport.js';
import type { ReportContext } from '../../src/reports/reportContext.js';
import { seedDemoResponses } from '../support/pages.js';
import type { Benchmark, Result } from '../support/types.js';

const RESPONSES = Number(process.env.BENCH_REPORTS_RESPONSES ?? 100_000);
/** Timed runs of each committee note after the first (which loads the code and the columns); the median is the figure. */
const REPEATS = 3;
const label = RESPONSES >= 1000 ? `${RESPONSES / 1000}k` : String(RESPONSES);

interface Timed {
  buildMs: number;
  renderMs: number;
  totalMs: number;
  /** How the build's time fell between the stages its progress callback announced. */
  stages: { message: string; ms: number }[];
  body: Buffer;
  title: string;
  meta: { label: string; value: string }[];
}

/** Builds the report and renders it as the product does (reports/makeReportFile.ts), timing each part. */
async function timedReport(ctx: ReportContext, request: ReportRequest, format: ReportFormat, chromiumPath: string): Promise<Timed> {
  const stages: { message: string; ms: number }[] = [];
  let stage = { message: 'starting', at: performance.now() };
  const progress = (_percent: number, message: string) => {
    const now = performance.now();
    stages.push({ message: stage.message, ms: now - stage.at });
    stage = { message, at: now };
  };
  const t0 = performance.now();
  const doc = await buildReport({ ...ctx, progress }, request);
  const t1 = performance.now();
  stages.push({ message: stage.message, ms: t1 - stage.at });
  // The first stage (before the builder's first progress call) is choosing the consultation and loading the builder.
  if (stages[0]?.message === 'starting') stages[0].message = 'choosing the consultation';
  const rendered = await renderReport(doc, format, { chromiumPath });
  const t2 = performance.now();
  return {
    buildMs: t1 - t0,
    renderMs: t2 - t1,
    totalMs: t2 - t0,
    stages: stages.filter((s) => s.ms >= 0.5),
    body: rendered.body,
    title: doc.title,
    meta: doc.meta,
  };
}

const median = (runs: Timed[]) => [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)] as Timed;
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The baseline for a PDF: a one-line page through the same renderPdf (start Chromium, print, close it), in ms. */
async function blankPdf(chromiumPath: string): Promise<number> {
  const t = performance.now();
  await renderPdf('<!doctype html><html lang="en"><title>Blank</title><p>Blank</p></html>', { chromiumPath, footer: 'Blank' });
  return performance.now() - t;
}
const ms = (n: number) => `${n.toFixed(0)} ms`;
const describeStages = (t: Timed) => t.stages.map((s) => `${s.message} ${ms(s.ms)}`).join(', ');

async function pdfPages(bytes: Buffer): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

/**
 * A first run (code loaded, columns read) and REPEATS timed ones: the median's figure, its split and the first run's
 * time. A PDF's runs alternate with a blank page's through the same Chromium path, its baseline in the same run.
 */
async function committee(ctx: ReportContext, format: ReportFormat, chromiumPath: string, target: number): Promise<Result[]> {
  const first = await timedReport(ctx, { kind: 'committee' }, format, chromiumPath);
  const runs: Timed[] = [];
  const blanks: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    if (format === 'pdf') blanks.push(await blankPdf(chromiumPath));
    runs.push(await timedReport(ctx, { kind: 'committee' }, format, chromiumPath));
  }
  const m = median(runs);
  const name = `committee note ${format.toUpperCase()}`;
  return [
    {
      name: `${name} ms`,
      value: m.totalMs,
      unit: 'ms',
      better: 'lower',
      target: { kind: 'atMost', value: target },
      ...(blanks.length ? { baseline: { name: 'blank PDF', value: medianOf(blanks) } } : {}),
      notes: `build + render, median of ${REPEATS} (${runs.map((r) => r.totalMs.toFixed(0)).join(', ')} ms); "${m.title}", ${(m.body.length / 1024).toFixed(0)} KB; the first in this process (loading the code) ${ms(first.totalMs)}${blanks.length ? `; a blank page through the same Chromium path ${blanks.map((b) => b.toFixed(0)).join(', ')} ms` : ''}`,
    },
    {
      name: `${name} build ms`,
      value: m.buildMs,
      unit: 'ms',
      better: 'lower',
      target: { kind: 'none' },
      notes: describeStages(m),
    },
    { name: `${name} render ms`, value: m.renderMs, unit: 'ms', better: 'lower', target: { kind: 'none' } },
  ];
}

/** A PDF figure that could not be measured: shown as skipped with the reason, never as a number. */
const skipped = (name: string, unit: string, reason: string): Result => ({
  name: `${name} (skipped)`,
  value: Number.NaN,
  unit,
  better: 'lower',
  target: { kind: 'none' },
  notes: reason,
});

const benchmark: Benchmark = {
  name: 'reports',
  description: `the demo partnership's committee note as PDF and DOCX, and the findings report of a crime survey with ${label} responses as PDF, built from live data and rendered (build + render)`,
  async run(): Promise<Result[]> {
    const { chromiumPath } = loadConfig();
    const noChromium = fs.existsSync(chromiumPath) ? null : `Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-reports-'));
    try {
      const dbPath = path.join(dir, 'reports.sqlite');
      const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
      try {
        await migrateToLatest(handle);
        const demo = await loadDemo(handle, cliActor());
        const partnership = await findPartnership(handle.db, demo.partnershipId);
        if (!partnership) throw new Error('the demo partnership was not loaded');
        const runner = analysisRunnerFor(handle);
        try {
          const ctx: ReportContext = { handle, runner, partnership, user: undefined };
          const results: Result[] = [];

          if (noChromium) results.push(skipped('committee note PDF ms', 'ms', noChromium));
          else results.push(...(await committee(ctx, 'pdf', chromiumPath, 5000)));
          results.push(...(await committee(ctx, 'docx', chromiumPath, 2000)));

          const name = `findings ${label} PDF s`;
          if (noChromium) results.push(skipped(name, 's', noChromium));
          else {
            // The analysis benchmark's seeding, in a process of its own, into the same file after the committee notes
            // were timed on the demo alone: an open crime survey in the demo partnership holding RESPONSES responses.
            const seeded = performance.now();
            const consultationId = seedDemoResponses(dbPath, RESPONSES);
            const seedSeconds = (performance.now() - seeded) / 1000;
            const findings: ReportRequest = { kind: 'findings', consultationId };
            // The first report after the bulk load parses every response's JSON once and stores the columns, as the
            // dashboard would have long before an officer asks for the report: timed apart, in the notes.
            const warm = performance.now();
            await buildReport(ctx, findings);
            const firstBuildMs = performance.now() - warm;
            const blank = await blankPdf(chromiumPath);
            const t = await timedReport(ctx, findings, 'pdf', chromiumPath);
            const pages = await pdfPages(t.body);
            const responses = t.meta.find((m) => m.label === 'Responses')?.value ?? '?';
            results.push(
              {
                name,
                value: t.totalMs / 1000,
                unit: 's',
                better: 'lower',
                target: { kind: 'atMost', value: 20 },
                baseline: { name: 'blank PDF', value: blank / 1000 },
                notes: `one run, build ${ms(t.buildMs)} + render ${ms(t.renderMs)}; "${t.title}", ${responses} responses; the first build after the bulk load (columns from JSON) ${ms(firstBuildMs)}; seeding ${seedSeconds.toFixed(1)} s; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`,
              },
              {
                name: `findings ${label} build ms`,
                value: t.buildMs,
                unit: 'ms',
                better: 'lower',
                target: { kind: 'none' },
                notes: describeStages(t),
              },
              { name: `findings ${label} render ms`, value: t.renderMs, unit: 'ms', better: 'lower', target: { kind: 'none' } },
              { name: `findings ${label} PDF pages`, value: pages, unit: 'pages', better: 'lower', target: { kind: 'none' } },
              { name: `findings ${label} PDF size`, value: t.body.length / 1024, unit: 'KB', better: 'lower', target: { kind: 'none' } },
            );
          }
          return results;
        } finally {
          await runner.close();
        }
      } finally {
        await handle.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
