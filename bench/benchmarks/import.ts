import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importInChildProcess, prepareDatabase } from '../support/importFile.js';
import { writeResponsesCsv, writeResponsesXlsx } from '../support/responsesFile.js';
import type { Benchmark, Result } from '../support/types.js';

const ROWS = 100_000;

/** 100,000 responses from CSV and from XLSX through the real importer (all-or-nothing validation), each in its own process. */
const importBenchmark: Benchmark = {
  name: 'import',
  description: `saferplan responses import of ${ROWS.toLocaleString('en-GB')} crime-survey responses from CSV and from XLSX into SQLite`,
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-import-'));
    try {
      const results: Result[] = [];
      for (const format of ['csv', 'xlsx'] as const) {
        const file = path.join(dir, `responses.${format}`);
        if (format === 'csv') writeResponsesCsv(file, ROWS);
        else await writeResponsesXlsx(file, ROWS);
        const { dbPath, consultationId } = await prepareDatabase(dir, `import-${format}.sqlite`);
        const r = importInChildProcess(dbPath, consultationId, file);
        const label = format === 'csv' ? 'import 100k' : 'import 100k xlsx';
        results.push(
          {
            name: `${label} seconds`,
            value: r.imported === ROWS ? r.seconds : Number.POSITIVE_INFINITY,
            unit: 's',
            better: 'lower',
            target: { kind: 'atMost', value: 20 },
            notes: `${r.imported} imported from ${(fs.statSync(file).size / 1_048_576).toFixed(1)} MB of ${format.toUpperCase()}`,
          },
          { name: `${label} peak memory`, value: r.maxRssMb, unit: 'MB', better: 'lower', target: { kind: 'atMost', value: 256 } },
        );
      }
      return results;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default importBenchmark;
