import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileText, type ValidAnswers, validAnswers } from '../../test-support/arbitraries.js';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { tableCounts } from '../../test-support/tableCounts.js';
import { tempFiles } from '../../test-support/tempFiles.js';
import { ConsultationRuntimeCache } from '../consultations/runtime.js';
import { listWards } from '../partnerships/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { redactAnswers } from '../redaction/index.js';
import { columnsFor } from '../surveys/columns.js';
import { type Answers, crimeSurveyTemplate, type Ward } from '../surveys/index.js';
import { ImportRejected, importResponses } from './importResponses.js';
import type { ResponseRow } from './responseRow.js';
import { type CheckInput, type CheckOutcome, checkRows } from './staging/checkRows.js';
import { TableFormatError } from './tableRow.js';

const { fileOf } = tempFiles('import-property');

const definition = crimeSurveyTemplate();
const codes = columnsFor(definition).map((c) => c.code);
/** A raw answer as a cell: lists joined with ";", blanks empty. */
const cell = (raw: unknown) =>
  raw === undefined || raw === null
    ? ''
    : Array.isArray(raw)
      ? raw
          .map(String)
          .filter((s) => s.trim() !== '')
          .join(';')
      : String(raw);
const csvOf = (rows: ValidAnswers[]) => stringify([codes, ...rows.map(({ raw }) => codes.map((c) => cell(raw[c])))]);
/** The answers stored for valid rows: validated, then free text redacted. */
const storedFor = (rows: ValidAnswers[]) => rows.map(({ expected }) => JSON.stringify(redactAnswers(definition, expected).answers));

/** A file with one cell spoilt: the row (as numbered in the file) and column that must be named. */
const SPOILT_COLUMNS = ['ward', 'safe_day', 'safe_dark', 'concerns', 'submitted_at', 'channel'] as const;
const spoilt = (wards: readonly Ward[]) =>
  fc
    .tuple(
      fc.array(validAnswers(definition, wards), { minLength: 1, maxLength: 5 }),
      fc.nat(),
      fc.constantFrom(...SPOILT_COLUMNS),
      fc.constantFrom('not_an_option', '=cmd|calc', 'atlantis', '32/13/2024', 'a;b;c;d;e'),
    )
    .map(([rows, which, column, bad]) => {
      const at = which % rows.length;
      const header = [...codes, 'submitted_at', 'channel'];
      const body = rows.map(({ raw }, i) => header.map((c) => (i === at && c === column ? bad : cell(raw[c]))));
      return { csv: stringify([header, ...body]), row: at + 2, column };
    });

const hostileFile = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc
    .array(fc.array(hostileText(20), { minLength: 3, maxLength: 3 }), { maxLength: 4 })
    .map((rows) => Buffer.from(stringify([['ward', 'safe_day', 'safe_dark'], ...rows]))),
  fc.array(hostileText(30), { minLength: 1, maxLength: 3 }).map((header) => Buffer.from(stringify([header, header]))),
);

describe('checking an import’s rows (staging, no database)', () => {
  const wards: Ward[] = [
    { code: 'earlsdon', name: 'Earlsdon' },
    { code: 'foleshill', name: 'Foleshill' },
    { code: 'st-michaels', name: 'St Michael’s' },
  ];
  const inputFor = (file: string): CheckInput => ({
    file,
    format: undefined,
    consultation: { id: 'c1', partnershipId: 'p1', surveyVersion: 1, opensAt: '2020-01-01T00:00:00.000Z', isDemo: false },
    definition,
    wards,
    importId: 'i1',
    enteredBy: 'u1',
    defaultChannel: undefined,
    now: new Date().toISOString(),
  });
  async function check(file: string): Promise<{ rows: ResponseRow[]; outcome: CheckOutcome }> {
    const rows: ResponseRow[] = [];
    const staging = checkRows(inputFor(file));
    for (let next = await staging.next(); ; next = await staging.next()) {
      if (next.done) return { rows, outcome: next.value };
      rows.push(...next.value);
    }
  }

  it('gives exactly the answers a file of valid rows stands for, one row each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validAnswers(definition, wards), { minLength: 1, maxLength: 8 }), async (rows) => {
        const { rows: checked, outcome } = await check(fileOf('csv', csvOf(rows)));
        expect(outcome).toEqual({ rowsRead: rows.length, problems: [] });
        expect(checked.map((r) => r.answers)).toEqual(storedFor(rows));
      }),
      { numRuns: 60 },
    );
  });

  it('names the row and column of a spoilt cell', async () => {
    await fc.assert(
      fc.asyncProperty(spoilt(wards), async ({ csv, row, column }) => {
        const { outcome } = await check(fileOf('csv', csv));
        expect(outcome.problems.map((p) => `${p.row} ${p.column}`)).toContain(`${row} ${column}`);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses any other file with a TableFormatError or its problems, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, fc.constantFrom('csv', 'xlsx'), async (bytes, ext) => {
        try {
          const { outcome } = await check(fileOf(ext, bytes));
          for (const p of outcome.problems) expect(p.row).toBeGreaterThanOrEqual(2);
        } catch (err) {
          expect(err, String((err as Error)?.stack)).toBeInstanceOf(TableFormatError);
        }
      }),
      { numRuns: 80 },
    );
  });
});

const TOUCHED = ['responses', 'imports', 'audit_log', 'response_originals'] as const;

describeEachEngine('importing responses (properties)', ({ handle }) => {
  let consultationId: string;
  let wards: Ward[];
  const run = (file: string) =>
    importResponses({
      handle: handle(),
      runtimes: new ConsultationRuntimeCache(handle().db),
      actor: cliActor(),
      consultationId,
      file,
      allowDuplicate: true,
    });

  beforeAll(async () => {
    let partnershipId: string;
    ({ consultationId, partnershipId } = await openConsultation(handle()));
    wards = await listWards(handle().db, partnershipId);
  });

  it('stores a valid file as given, and refuses a spoilt or hostile one with its reason, changing nothing', async () => {
    const file = fc.oneof(
      fc.array(validAnswers(definition, wards), { minLength: 1, maxLength: 4 }).map((rows) => ({ kind: 'valid' as const, rows })),
      spoilt(wards).map((s) => ({ kind: 'spoilt' as const, ...s })),
      fc.tuple(hostileFile, fc.constantFrom('csv', 'xlsx')).map(([bytes, ext]) => ({ kind: 'hostile' as const, bytes, ext })),
    );
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const before = await tableCounts(handle().db, TOUCHED);
        const result = await run(f.kind === 'hostile' ? fileOf(f.ext, f.bytes) : fileOf('csv', f.kind === 'valid' ? csvOf(f.rows) : f.csv)).catch(
          (e: unknown) => e,
        );
        if (f.kind === 'valid') {
          const { importId } = result as { importId: string };
          const stored = await handle().db.selectFrom('responses').select('answers').where('import_id', '=', importId).execute();
          expect(stored.map((r) => JSON.stringify(JSON.parse(r.answers) as Answers)).sort()).toEqual(storedFor(f.rows).sort());
          return;
        }
        if (f.kind === 'spoilt') expect((result as ImportRejected).problems.map((p) => `${p.row} ${p.column}`)).toContain(`${f.row} ${f.column}`);
        // A hostile file that happens to be a valid table of blank or valid rows may import.
        else if (!(result instanceof Error)) return;
        expect(result instanceof ImportRejected || result instanceof TableFormatError, String((result as Error).stack)).toBe(true);
        expect(await tableCounts(handle().db, TOUCHED)).toEqual(before);
      }),
      { numRuns: 2 },
    );
  });
});
