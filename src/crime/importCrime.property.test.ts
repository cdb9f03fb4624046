/**
 * Properties of importing police.uk files, on both engines (read on this thread: the reading is the same on its own):
 * a street file of valid rows stores exactly its rows; a row that cannot be read is named by row and column and the
 * rest imported; a file that is not a police.uk file fails the import with its reason and changes no crime data.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { filled, hostileText, lsoaCode, month, point, text, wellFormed } from '../../test-support/arbitraries.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { tableCounts } from '../../test-support/tableCounts.js';
import { tempFiles } from '../../test-support/tempFiles.js';
import { cliActor } from '../platform/recordAudit.js';
import { importCrime } from './importCrime.js';
import { HEADERS } from './policeUk/formats.js';

const { fileOf } = tempFiles('crime-property');
const storedText = text.filter(wellFormed);
const streetRow = fc.record({
  crimeId: fc.option(filled.filter(wellFormed), { nil: null }),
  month,
  force: storedText,
  point,
  location: storedText,
  lsoaCode,
  category: filled.filter(wellFormed),
  lastOutcome: fc.option(filled.filter(wellFormed), { nil: null }),
});
type StreetRow = typeof streetRow extends fc.Arbitrary<infer T> ? T : never;
const cellsOf = (r: StreetRow) => [
  r.crimeId ?? '',
  r.month,
  r.force,
  r.force,
  r.point ? String(r.point.longitude) : '',
  r.point ? String(r.point.latitude) : '',
  r.location,
  r.lsoaCode ?? '',
  '',
  r.category,
  r.lastOutcome ?? '',
  '',
];
const CRIME_TABLES = ['crime_records', 'crime_outcomes', 'stop_searches'] as const;

describeEachEngine('importing police.uk files (properties)', ({ handle }) => {
  let partnershipId: string;
  const run = (file: string) => importCrime({ db: handle().db, actor: cliActor(), partnershipId, files: [file], inProcess: true });
  beforeAll(async () => {
    // No geography: every row is kept with its own LSOA code (the summary says the area is not set).
    ({ id: partnershipId } = await buildPartnership({ db: handle().db, wards: [] }));
  });

  it('stores exactly the rows of a street file of valid rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(streetRow, { minLength: 1, maxLength: 8 }), fc.boolean(), async (rows, bom) => {
        const csv = `${bom ? '\uFEFF' : ''}${stringify([HEADERS.street, ...rows.map(cellsOf)])}`;
        const summary = await run(fileOf('csv', csv));
        expect(summary.problems).toEqual([]);
        expect(summary).toMatchObject({ status: 'done', rowsRead: rows.length, imported: rows.length, rejected: 0 });
        const stored = await handle()
          .db.selectFrom('crime_records')
          .select(['crime_id', 'month', 'force', 'longitude', 'latitude', 'location', 'lsoa_code', 'category', 'last_outcome'])
          .where('import_id', '=', summary.importId)
          .execute();
        // PostgreSQL's real is 4 bytes: a coordinate comes back to about 1e-6 degrees (10 cm), SQLite's to the digit.
        const near = (x: number | null) => (x === null ? null : Math.round(Math.fround(x) * 1e5) / 1e5);
        const key = (r: Record<string, unknown> & { longitude: number | null; latitude: number | null }) =>
          JSON.stringify({ ...r, longitude: near(r.longitude), latitude: near(r.latitude) });
        expect(stored.map(key).sort()).toEqual(
          rows
            .map((r) =>
              key({
                crime_id: r.crimeId,
                month: r.month,
                force: r.force,
                longitude: r.point?.longitude ?? null,
                latitude: r.point?.latitude ?? null,
                location: r.location,
                lsoa_code: r.lsoaCode,
                category: r.category,
                last_outcome: r.lastOutcome,
              }),
            )
            .sort(),
        );
      }),
      { numRuns: 10 },
    );
  });

  it('names each row that cannot be read by row and column, and imports the rest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(streetRow, { minLength: 2, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom<[number, string, string]>(
          [1, 'Month', '2024-13'],
          [1, 'Month', ''],
          [4, 'Longitude', '200'],
          [7, 'LSOA code', '=cmd|calc'],
          [9, 'Crime type', ''],
          [6, 'Location', 'On or near\u0000 Road'],
        ),
        async (rows, which, [at, column, bad]) => {
          const spoilt = which % rows.length;
          const body = rows.map((r, i) => {
            const cells = cellsOf(r);
            if (i === spoilt) cells[at] = bad;
            return cells;
          });
          const summary = await run(fileOf('csv', stringify([HEADERS.street, ...body])));
          expect(summary).toMatchObject({ status: 'done', rowsRead: rows.length, imported: rows.length - 1, rejected: 1 });
          expect(summary.problems.map((p) => `${p.row} ${p.column}`)).toEqual([`${spoilt + 2} ${column}`]);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('fails an import of any file that is not a police.uk file with its reason, changing no crime data', async () => {
    const notPoliceUk = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      fc.array(fc.array(hostileText(20), { minLength: 1, maxLength: 6 }), { maxLength: 4 }).map((rows) => Buffer.from(stringify(rows))),
      fc
        .tuple(fc.constantFrom(...Object.values(HEADERS)), fc.nat(), hostileText(10))
        .map(([header, at, name]) => Buffer.from(stringify([header.map((h, i) => (i === at % header.length ? `${name}x` : h)), header]))),
      fc.constantFrom(Buffer.alloc(0), Buffer.from('\uFEFF'), Buffer.from('"unclosed\n'), Buffer.from('PK\u0003\u0004')),
    );
    await fc.assert(
      fc.asyncProperty(notPoliceUk, fc.constantFrom('csv', 'zip'), async (bytes, ext) => {
        const before = await tableCounts(handle().db, CRIME_TABLES);
        const summary = await run(fileOf(ext, bytes));
        // Bytes that happen to hold a police.uk header import as one; anything else fails as a whole.
        if (summary.status === 'done') return;
        expect(summary.imported).toBe(0);
        expect(summary.problems[0]?.message).toMatch(/\S/);
        expect(summary.message).toMatch(/^Nothing was imported: .+\. The data is as it was\.$/s);
        expect(await tableCounts(handle().db, CRIME_TABLES)).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });
});
