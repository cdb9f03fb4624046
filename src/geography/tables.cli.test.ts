// saferplan geography import --kind wards|lsoas|lookup|population|imd|postcodes: Coventry's real ONS, MHCLG and OS
// files into a partnership with no geography, with exact counts; bad files named by row and column, nothing changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';

const GEO = path.join(REPOSITORY_ROOT, 'fixtures/geo');
const at = (name: string) => path.join(GEO, name);

describeEachEngine('saferplan geography import (tables)', ({ handle, target }) => {
  const db = () => handle().db;
  const file = (text: string) => {
    const to = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'geo-')), 'g.csv');
    fs.writeFileSync(to, text);
    return to;
  };
  const geography = (p: { slug: string }, kind: string, f: string) =>
    runCli(['--db', target(), 'geography', 'import', '--kind', kind, '--partnership', p.slug, f]);
  const ok = async (p: { slug: string }, kind: string, f: string) => {
    const result = await geography(p, kind, f);
    expect(result.stderr).toContain('Imported');
    return JSON.parse(result.stdout);
  };

  it('builds a partnership’s geography from the real files: wards, LSOAs and their wards, IMD, populations, postcodes', async () => {
    const p = await buildPartnership({ db: db(), name: 'Tables Coventry CSP', wards: [] });
    const lookup = at('lsoa11_to_ward19_coventry.csv');
    expect(await ok(p, 'wards', lookup)).toEqual({ kind: 'wards', rowsRead: 18, imported: 18 });
    expect(await ok(p, 'lookup', lookup)).toEqual({ kind: 'lookup', rowsRead: 195, imported: 195 });
    expect(await ok(p, 'imd', at('coventry_iod2019_domains_lsoa11.csv'))).toEqual({ kind: 'imd', rowsRead: 195, imported: 195 });
    expect(await ok(p, 'population', at('coventry_iod2019_population_denominators_lsoa11.csv'))).toMatchObject({ rowsRead: 195 });
    expect(await ok(p, 'population', at('census2021_age6_by_ward24_coventry_DERIVED.csv'))).toMatchObject({ rowsRead: 108 });
    expect(await ok(p, 'postcodes', at('coventry_postcodes_codepoint_open_2025-10.csv'))).toEqual({
      kind: 'postcodes',
      rowsRead: 6397,
      imported: 6397,
      outside: 0,
    });

    const wards = await db()
      .selectFrom('wards')
      .select(['code', 'name', 'ons_code'])
      .where('partnership_id', '=', p.id)
      .orderBy('ons_code')
      .execute();
    expect(wards).toHaveLength(18);
    expect(wards[10]).toEqual({ code: 'st-michael-s', name: "St Michael's", ons_code: 'E05001228' });
    const lsoa = await db()
      .selectFrom('lsoas')
      .selectAll()
      .where('partnership_id', '=', p.id)
      .where('code', '=', 'E01009522')
      .executeTakeFirstOrThrow();
    // Coventry 014A: IMD rank 11,101 (decile 4), crime decile 4 (rank 13,082), mid-2015 population 1,395.
    expect(lsoa).toMatchObject({ name: 'Coventry 014A', imd_rank: 11101, imd_decile: 4, crime_decile: 4, population: 1395 });
    expect(JSON.parse(lsoa.imd_domains as string).Crime).toEqual({ rank: 13082, decile: 4 });
    const byDecile = await db()
      .selectFrom('lsoas')
      .select((eb) => ['imd_decile', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('population').as('people')])
      .where('partnership_id', '=', p.id)
      .groupBy('imd_decile')
      .orderBy('imd_decile')
      .execute();
    // 28 of Coventry's 195 LSOAs are in England's most deprived tenth; 344,288 people (mid-2015).
    expect(byDecile.map((d) => Number(d.n))).toEqual([28, 22, 28, 19, 23, 21, 19, 15, 11, 9]);
    expect(byDecile.reduce((n, d) => n + Number(d.people), 0)).toBe(344288);
    const wardPeople = await db()
      .selectFrom('area_populations')
      .select((eb) => eb.fn.sum<number>('population').as('people'))
      .where('partnership_id', '=', p.id)
      .where('area_kind', '=', 'ward')
      .executeTakeFirstOrThrow();
    expect(Number(wardPeople.people)).toBe(345316);
    const cv11ah = await db()
      .selectFrom('postcodes')
      .selectAll()
      .where('partnership_id', '=', p.id)
      .where('postcode', '=', 'CV1 1AH')
      .executeTakeFirstOrThrow();
    expect(cv11ah).toMatchObject({ sector: 'CV1 1', ward_code: 'st-michael-s', lsoa_code: null, longitude: -1.509401, latitude: 52.41028 });
  });

  it('names every problem by row and column and changes nothing', async () => {
    const p = await buildPartnership({ db: db(), name: 'Tables Bad CSP', wards: ['Bablake'] });
    const header = await geography(p, 'imd', file('LSOA code,rank\nE01009522,4\n'));
    expect(header.code).not.toBe(0);
    expect(header.stderr).toContain('row 1, IMD rank: The header has no IMD rank column');
    const imd = await geography(
      p,
      'imd',
      file('LSOA code,IMD rank,IMD decile\nE01009522,11101,11\nE0100952,5,5\nE01009523,17853,6\nE01009523,17853,6\n'),
    );
    expect(imd.stderr).toContain('The file was not imported: 3 problems. Nothing was changed.');
    expect(imd.stderr).toContain('row 2, IMD decile: 11: give the decile, 1 (most deprived) to 10');
    expect(imd.stderr).toContain('row 3, LSOA code: E0100952 is not an LSOA code (E01...)');
    expect(imd.stderr).toContain('row 5, LSOA code: LSOA E01009523 is already on row 4');
    const unknown = await geography(p, 'imd', file('LSOA code,IMD rank,IMD decile\nE01009523,17853,6\n'));
    expect(unknown.stderr).toContain('row 2, LSOA code: E01009523 is not one of the partnership’s LSOAs (import the LSOAs first)');
    const lookup = await geography(p, 'lookup', file('LSOA11CD,WD19CD,WD19NM\nE01009522,E05001219,Binley and Willenhall\n'));
    expect(lookup.stderr).toContain('row 2, ward: E05001219 Binley and Willenhall is not one of the partnership’s wards');
    const postcodes = await geography(p, 'postcodes', file('Postcode,Eastings,Northings\nCV1 1AH,9433469,279255\nNOT A POSTCODE,1,1\n'));
    expect(postcodes.stderr).toContain('row 2, Eastings: (9433469, 279255) is not a British National Grid easting and northing in the UK');
    expect(postcodes.stderr).toContain('row 3, Postcode: NOT A POSTCODE: give a full UK postcode');
    expect(await db().selectFrom('lsoas').select('code').where('partnership_id', '=', p.id).execute()).toEqual([]);
    expect(await db().selectFrom('postcodes').select('postcode').where('partnership_id', '=', p.id).execute()).toEqual([]);
  });
});
