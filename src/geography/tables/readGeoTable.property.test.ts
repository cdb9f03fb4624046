/**
 * Properties of the geography tables (pure, then imported on both engines): a ward list of valid rows reads to exactly
 * its wards; any CSV, for any kind of table, reads to records or to problems naming row and column, never a throw;
 * an import either stores the rows or is refused with them, changing nothing.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText, wellFormed } from '../../../test-support/arbitraries.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildPartnership } from '../../../test-support/factories.js';
import { tableCounts } from '../../../test-support/tableCounts.js';
import { cliActor } from '../../platform/recordAudit.js';
import { GeographyImportRejected, importGeographyTable } from '../importGeographyTable.js';
import { readGeoTable, TABLE_KINDS } from './readGeoTable.js';

const wardCode = fc.integer({ min: 0, max: 999_999 }).map((d) => `E05${String(d).padStart(6, '0')}`);
/** A ward's name as a file gives it: any text but NUL (a damaged file), with something in it. */
const name = hostileText(20).filter((s) => s.trim() !== '' && !s.includes('\u0000') && wellFormed(s));
const wardRows = fc.uniqueArray(fc.tuple(wardCode, name), { minLength: 1, maxLength: 8, selector: ([code]) => code });

/** The headers real files use, mixed with hostile ones. */
const HEADER_CELLS = [
  'WD24CD',
  'WD24NM',
  'LSOA11CD',
  'LSOA11NM',
  'LSOA code (2011)',
  'usual_residents',
  'age',
  'sex',
  'pcds',
  'oseast1m',
  'osnrth1m',
  'lat',
  'long',
  'Index of Multiple Deprivation (IMD) Rank',
  'Index of Multiple Deprivation (IMD) Decile',
  'Crime Rank (where 1 is most deprived)',
];
const anyCsv = fc.oneof(
  fc
    .array(
      fc.array(
        fc.oneof(
          fc.constantFrom(...HEADER_CELLS),
          hostileText(20),
          fc.constantFrom('E05000001', 'E01000001', 'CV1 2GN', '11,101', '0', '-1', '450000'),
        ),
        { minLength: 1, maxLength: 6 },
      ),
      { maxLength: 6 },
    )
    .map((rows) => stringify(rows)),
  hostileText(200),
);

describe('reading geography tables', () => {
  it('reads a ward list of valid rows to exactly its wards', () => {
    fc.assert(
      fc.property(wardRows, fc.boolean(), (rows, bom) => {
        const read = readGeoTable('wards', `${bom ? '\uFEFF' : ''}${stringify([['WD25CD', 'WD25NM'], ...rows])}`);
        expect(read).toEqual({ ok: true, records: rows.map(([onsCode, n], i) => ({ row: i + 2, onsCode, name: n.trim() })) });
      }),
      { numRuns: 200 },
    );
  });

  it('reads any CSV as any kind of table to records or problems naming a row, never throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLE_KINDS), anyCsv, (kind, csv) => {
        const read = readGeoTable(kind, csv);
        if (read.ok) expect(read.records.length).toBeGreaterThan(0);
        else
          for (const p of read.problems) {
            expect(p.row).toBeGreaterThanOrEqual(1);
            expect(p.message.length).toBeGreaterThan(0);
          }
      }),
      { numRuns: 600 },
    );
  });
});

describeEachEngine('importing geography tables (properties)', ({ handle }) => {
  it('stores a ward list as given, or refuses any other file with its problems, changing nothing', async () => {
    const file = fc.oneof(
      wardRows.map((rows) => ({ rows, csv: stringify([['WD25CD', 'WD25NM'], ...rows]) })),
      fc.tuple(wardRows, fc.nat(), fc.constantFrom('E0500', '', 'a\u0000b')).map(([rows, at, bad]) => ({
        csv: stringify([['WD25CD', 'WD25NM'], ...rows.map(([c, n], i) => (i === at % rows.length ? [c, bad] : [c, n]))]),
      })),
      fc.tuple(fc.constantFrom(...TABLE_KINDS), anyCsv).map(([kind, csv]) => ({ kind, csv })),
    );
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const { id: partnershipId } = await buildPartnership({ db: handle().db, wards: [] });
        const before = await tableCounts(handle().db, ['wards', 'lsoas', 'area_populations', 'postcodes', 'audit_log']);
        const kind = 'kind' in f ? f.kind : 'wards';
        const result = await importGeographyTable({ db: handle().db, actor: cliActor(), partnershipId, kind, text: f.csv, fileName: 'f.csv' }).catch(
          (e: unknown) => e,
        );
        if (result instanceof Error) {
          expect(result, String(result.stack)).toBeInstanceOf(GeographyImportRejected);
          expect(await tableCounts(handle().db, ['wards', 'lsoas', 'area_populations', 'postcodes', 'audit_log'])).toEqual(before);
          return;
        }
        if ('rows' in f) {
          const stored = await handle().db.selectFrom('wards').select(['ons_code', 'name']).where('partnership_id', '=', partnershipId).execute();
          expect(stored.map((w) => `${w.ons_code} ${w.name}`).sort()).toEqual(f.rows.map(([c, n]) => `${c} ${n.trim()}`).sort());
        }
      }),
      { numRuns: 12 },
    );
  });

  it('refuses a cell holding NUL naming it, which PostgreSQL could not store (found by the property)', async () => {
    const { id: partnershipId } = await buildPartnership({ db: handle().db, wards: [] });
    const err = await importGeographyTable({
      db: handle().db,
      actor: cliActor(),
      partnershipId,
      kind: 'wards',
      text: 'WD25CD,WD25NM\nE05000001,a\u0000b\n',
      fileName: 'w.csv',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GeographyImportRejected);
    expect((err as GeographyImportRejected).problems).toEqual([
      { row: 2, column: 'WD25NM', message: 'The cell holds a NUL character, so the file is damaged' },
    ]);
  });
});
