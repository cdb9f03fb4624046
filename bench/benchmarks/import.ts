import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { generateDemoResponses } from '../../src/consultations/demo/generateDemoResponses.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { COVENTRY_WARDS } from '../../src/partnerships/demo/coventry.js';
import { slugify } from '../../src/platform/slugify.js';
import { answerToCell } from '../../src/surveys/answerCells.js';
import { columnsFor } from '../../src/surveys/columns.js';
import { crimeSurveyTemplate } from '../../src/surveys/templates/crimeSurvey.js';
import { openConsultation } from '../../test-support/consultations.js';
import { ROOT } from '../support/servers.js';
import type { Benchmark, Result } from '../support/types.js';

const ROWS = 100_000;

/** Writes a realistic crime-survey CSV of `rows` responses (the demo generator's 696, repeated). */
function writeCsv(file: string, rows: number) {
  const definition = crimeSurveyTemplate();
  const codes = columnsFor(definition).map((c) => c.code);
  const wards = COVENTRY_WARDS.map((name) => ({ code: slugify(name), name }));
  const demo = generateDemoResponses({ wards, opens: '2024-07-09T23:00:00.000Z', closes: '2024-10-02T22:59:59.000Z' });
  const lines = demo.map((r) => [...codes.map((c) => answerToCell(r.answers[c])), r.channel]);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, stringify([[...codes, 'channel']]));
  for (let i = 0; i < rows; i += 1000) {
    fs.writeSync(out, stringify(Array.from({ length: Math.min(1000, rows - i) }, (_, j) => lines[(i + j) % lines.length]!)));
  }
  fs.closeSync(out);
}

/** 100,000 responses from CSV through the real importer (all-or-nothing validation, one transaction), in its own process. */
const importBenchmark: Benchmark = {
  name: 'import',
  description: `saferplan responses import of ${ROWS.toLocaleString('en-GB')} crime-survey responses from CSV into SQLite`,
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-import-'));
    try {
      const csv = path.join(dir, 'responses.csv');
      writeCsv(csv, ROWS);
      const dbPath = path.join(dir, 'import.sqlite');
      const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
      await migrateToLatest(handle);
      const { consultationId } = await openConsultation(handle);
      await handle.close();
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/support/importInProcess.ts', dbPath, consultationId, csv], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { seconds: number; maxRssMb: number; imported: number };
      const notes = `${r.imported} imported from ${(fs.statSync(csv).size / 1_048_576).toFixed(1)} MB of CSV`;
      return [
        {
          name: 'import 100k seconds',
          value: r.imported === ROWS ? r.seconds : Number.POSITIVE_INFINITY,
          unit: 's',
          better: 'lower',
          target: { kind: 'atMost', value: 20 },
          notes,
        },
        { name: 'import 100k peak memory', value: r.maxRssMb, unit: 'MB', better: 'lower', target: { kind: 'atMost', value: 256 } },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default importBenchmark;
