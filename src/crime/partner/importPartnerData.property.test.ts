/**
 * Properties of importing a partner's file by its mapping. Pure (readPartnerRow): a valid row reads to exactly its
 * month, category and place; any row to a record or a problem naming a mapped column, never a throw. On both engines
 * (importPartnerData): a file that cannot be read fails with its reason and changes no crime data; bad rows are
 * named by row and column and the rest stored.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { filled, hostileText, lsoaCode, month, point, wellFormed } from '../../../test-support/arbitraries.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildPartnership } from '../../../test-support/factories.js';
import { tableCounts } from '../../../test-support/tableCounts.js';
import { tempFiles } from '../../../test-support/tempFiles.js';
import { cliActor } from '../../platform/recordAudit.js';
import { saveDataset } from '../queries/partnerDatasets.js';
import { importPartnerData } from './importPartnerData.js';
import { columnIndexes, type Mapping } from './mapping.js';
import { readPartnerRow } from './readPartnerRow.js';

const { fileOf } = tempFiles('partner-property');
const mapping: Mapping = { date: 'Reported on', category: 'Type', longitude: 'Lon', latitude: 'Lat', lsoa: 'LSOA' };
const HEADER = ['Ref', 'Reported on', 'Type', 'Lon', 'Lat', 'LSOA'];
const at = columnIndexes(mapping, HEADER);
const indexes = 'indexes' in at ? at.indexes : {};
const category = filled.filter(wellFormed);
const validRow = fc.record({ month, day: fc.integer({ min: 1, max: 28 }), category, point, lsoaCode, ukDate: fc.boolean() });
type ValidRow = typeof validRow extends fc.Arbitrary<infer T> ? T : never;
const cellsOf = (r: ValidRow) => {
  const [y, m] = r.month.split('-');
  const dd = String(r.day).padStart(2, '0');
  return [
    'x',
    r.ukDate ? `${dd}/${m}/${y}` : `${r.month}-${dd}`,
    r.category,
    r.point ? String(r.point.longitude) : '',
    r.point ? String(r.point.latitude) : '',
    r.lsoaCode ?? '',
  ];
};

describe('reading a partner’s row', () => {
  it('reads a valid row to exactly its month, category and place', () => {
    fc.assert(
      fc.property(validRow, (r) => {
        expect(readPartnerRow(mapping, indexes, cellsOf(r))).toEqual({
          month: r.month,
          category: r.category,
          point: r.point,
          lsoaCode: r.lsoaCode,
          postcode: null,
          ward: null,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads any row to a record or a problem naming a mapped column, never throwing', () => {
    fc.assert(
      fc.property(fc.array(hostileText(20), { maxLength: 8 }), (cells) => {
        const read = readPartnerRow(mapping, indexes, cells);
        if ('month' in read) {
          expect(read.month).toMatch(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/);
          expect(read.category).not.toContain('\u0000');
        } else expect(Object.values(mapping)).toContain(read.column);
      }),
      { numRuns: 600 },
    );
  });
});

describe('a partner’s row holding NUL', () => {
  it('is named as damaged, which PostgreSQL could not store (found by the property: the import failed there)', () => {
    expect(readPartnerRow(mapping, indexes, ['x', '2024-03-05', 'Fly\u0000tip', '', '', ''])).toEqual({
      column: 'Type',
      message: 'The cell holds a NUL character, so the file is damaged',
    });
  });
});

describeEachEngine('importing partner data (properties)', ({ handle }) => {
  let partnershipId: string;
  const run = (file: string) => importPartnerData({ db: handle().db, actor: cliActor(), partnershipId, dataset: 'Fly-tipping', file });
  beforeAll(async () => {
    ({ id: partnershipId } = await buildPartnership({ db: handle().db, wards: [] }));
    await saveDataset(handle().db, partnershipId, 'Fly-tipping', mapping, 'test');
  });

  it('stores the valid rows, names each bad one by row and column, and fails a file it cannot read changing nothing', async () => {
    const file = fc.oneof(
      fc
        .tuple(
          fc.array(validRow, { minLength: 1, maxLength: 5 }),
          fc.option(
            fc.tuple(
              fc.nat(),
              fc.constantFrom<[number, string, string]>(
                [1, 'Reported on', '31/02/2024'],
                [2, 'Type', ''],
                [2, 'Type', 'Fly\u0000tip'],
                [3, 'Lon', '200'],
                [5, 'LSOA', '=cmd'],
              ),
            ),
            { nil: undefined },
          ),
        )
        .map(([rows, spoil]) => ({ rows, spoil })),
      fc
        .oneof(
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
          hostileText(100).map((t) => Buffer.from(t)),
        )
        .map((bytes) => ({ bytes })),
    );
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const before = await tableCounts(handle().db, ['crime_records']);
        if ('bytes' in f) {
          const summary = await run(fileOf('csv', f.bytes));
          if (summary.status === 'done') return;
          expect(summary.problems[0]?.message).toMatch(/\S/);
          expect(await tableCounts(handle().db, ['crime_records'])).toEqual(before);
          return;
        }
        const body = f.rows.map(cellsOf);
        const spoilt = f.spoil ? f.spoil[0] % body.length : -1;
        if (f.spoil) (body[spoilt] as string[])[f.spoil[1][0]] = f.spoil[1][2];
        const summary = await run(fileOf('csv', stringify([HEADER, ...body])));
        expect(summary.status).toBe('done');
        expect(summary.problems.map((p) => `${p.row} ${p.column}`)).toEqual(f.spoil ? [`${spoilt + 2} ${f.spoil[1][1]}`] : []);
        const stored = await handle()
          .db.selectFrom('crime_records')
          .select(['category', 'month'])
          .where('import_id', '=', summary.importId)
          .execute();
        expect(stored.map((s) => `${s.month} ${s.category}`).sort()).toEqual(
          f.rows
            .filter((_, i) => i !== spoilt)
            .map((r) => `${r.month} ${r.category}`)
            .sort(),
        );
      }),
      { numRuns: 20 },
    );
  });
});
