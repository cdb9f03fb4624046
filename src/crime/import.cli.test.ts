// saferplan crime import FILE... and crime stats: real police.uk files of West Midlands Police (Coventry, the 2011
// layout with grid references) and the City of London (current layout, in police.uk's ZIP), exact counts; outcomes
// update crimes' last outcome; a month imported again is replaced; bad rows named, a bad file changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';
import { importBoundaries } from '../geography/importBoundaries.js';
import { importGeographyTable } from '../geography/importGeographyTable.js';
import { COVENTRY_WARDS } from '../partnerships/demo/coventry.js';
import { cliActor } from '../platform/recordAudit.js';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';

const POLICE = path.join(REPOSITORY_ROOT, 'fixtures/police-uk');
const GEO = path.join(REPOSITORY_ROOT, 'fixtures/geo');
const WMP = (name: string) => path.join(POLICE, 'west-midlands', name);
const CITY = (name: string) => path.join(POLICE, 'city-of-london', name);
const STREET_2011 = WMP('police_uk_wmp_street_2011-02_coventry.csv');
const OUTCOMES = ['2019-03', '2020-04', '2020-05'].map((m) => WMP(`police_uk_wmp_outcomes_${m}_coventry.csv`));

describeEachEngine('saferplan crime import and stats', ({ handle, target }) => {
  const db = () => handle().db;
  const crime = (p: { slug: string }, ...args: string[]) => runCli(['--db', target(), 'crime', ...args, '--partnership', p.slug]);
  const imported = async (p: { slug: string }, ...files: string[]) => {
    const result = await crime(p, 'import', ...files);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };
  const stats = async (p: { slug: string }, ...args: string[]) => JSON.parse((await crime(p, 'stats', ...args)).stdout).groups;
  const file = (text: string) => {
    const to = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crime-')), '2016-03-city-of-london-street.csv');
    fs.writeFileSync(to, text);
    return to;
  };

  it('places Coventry’s 2011 grid-referenced crimes in its real wards and LSOAs, and replaces a month imported again', async () => {
    const p = await buildPartnership({ db: db(), name: 'Crime Coventry CSP', wards: COVENTRY_WARDS });
    const o = { db: db(), actor: cliActor(), partnershipId: p.id };
    const text = (name: string) => fs.readFileSync(path.join(GEO, name), 'utf8');
    await importBoundaries({ ...o, json: JSON.parse(text('coventry_wards_wd25.geojson')), fileName: 'wards' });
    await importGeographyTable({ ...o, kind: 'lookup', text: text('lsoa11_to_ward19_coventry.csv'), fileName: 'lookup' });
    await importGeographyTable({
      ...o,
      kind: 'population',
      text: text('coventry_iod2019_population_denominators_lsoa11.csv'),
      fileName: 'population',
    });
    await importBoundaries({ ...o, json: JSON.parse(text('coventry_lsoa11.geojson')), fileName: 'lsoas' });

    const summary = await imported(p, STREET_2011, ...OUTCOMES);
    expect(summary).toMatchObject({
      status: 'done',
      areaSet: true,
      rowsRead: 3316 + 1607 + 1799 + 1962,
      imported: 8684,
      outside: 0,
      notPlaced: 0,
      rejected: 0,
    });
    expect(summary.files.map((f: { kind: string; rowsRead: number; months: string[] }) => [f.kind, f.rowsRead, f.months])).toEqual([
      ['street-2011', 3316, ['2011-02']],
      ['outcomes', 1607, ['2019-03']],
      ['outcomes', 1799, ['2020-04']],
      ['outcomes', 1962, ['2020-05']],
    ]);
    const byType = await stats(p, '--group-by', 'type');
    expect(byType.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      ['Anti-social behaviour', 1291],
      ['Burglary', 304],
      ['Other crime', 1044],
      ['Robbery', 76],
      ['Vehicle crime', 241],
      ['Violent crime', 360],
    ]);
    // Rates per 1,000 of the 344,288 residents (mid-2015): 1,291 ASB incidents is 3.75.
    expect(byType[0].rate).toBe(3.75);
    const byWard = await stats(p, '--group-by', 'ward');
    expect(byWard).toHaveLength(18);
    expect(byWard.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(3316);
    expect(byWard.every((g: { key: string; rate: number | null }) => /^E05/.test(g.key) && g.rate !== null)).toBe(true);
    const byLsoa = await stats(p, '--group-by', 'lsoa');
    expect(byLsoa.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(3316);
    expect(await stats(p, '--group-by', 'month')).toEqual([{ key: '2011-02', count: 3316, rate: 9.63 }]);

    const again = await imported(p, STREET_2011);
    expect(again).toMatchObject({ rowsRead: 3316, imported: 3316, replaced: 3316 });
    expect(again.message).toContain('replacing 3,316 imported before for the same force and months (West Midlands Police 2011-02)');
    expect(again.replacedMonths).toEqual(['West Midlands Police 2011-02']);
    expect(await stats(p, '--group-by', 'month')).toEqual([{ key: '2011-02', count: 3316, rate: 9.63 }]);
    expect(await stats(p, '--group-by', 'month', '--from', '2011-03')).toEqual([]);
  });

  it('keeps every City of London row of police.uk’s ZIP when the area is not set, and applies later outcomes', async () => {
    const p = await buildPartnership({ db: db(), name: 'Crime City CSP', wards: [] });
    const zip = await imported(p, path.join(POLICE, 'city-of-london-2016-01.zip'));
    expect(zip).toMatchObject({ status: 'done', areaSet: false, rowsRead: 446 + 574, imported: 1020, outside: 0 });
    expect(zip.files[0].file).toMatch(/city-of-london-2016-01\.zip:2016-01\/2016-01-city-of-london-outcomes\.csv$/);
    expect(zip.message).toContain('The partnership’s area is not set');
    await imported(p, CITY('2016-02-city-of-london-outcomes.csv'));
    const types = await stats(p, '--group-by', 'type', '--from', '2016-01', '--to', '2016-01');
    expect(types.find((g: { key: string }) => g.key === 'Other theft')).toEqual({ key: 'Other theft', count: 84, rate: null });
    expect(types.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(446);
    // The 2016-02 outcomes file charged a suspect for a crime its street file had at a suspended sentence.
    const crimeRow = await db()
      .selectFrom('crime_records')
      .select('last_outcome')
      .where('partnership_id', '=', p.id)
      .where('crime_id', '=', '13fa9d471ac287119846120c02258cdea8f9b3688bd3ec34deccacbca038d029')
      .executeTakeFirstOrThrow();
    expect(crimeRow.last_outcome).toBe('Suspect charged');
    const outcomes = await db()
      .selectFrom('crime_records')
      .select((eb) => ['last_outcome', eb.fn.countAll<number>().as('n')])
      .where('partnership_id', '=', p.id)
      .where('crime_id', 'is not', null)
      .groupBy('last_outcome')
      .orderBy('n', 'desc')
      .execute();
    expect([outcomes[0]?.last_outcome, Number(outcomes[0]?.n)]).toEqual(['Investigation complete; no suspect identified', 206]);
  });

  it('names each bad row and keeps the rest; a file that is not police.uk’s changes nothing', async () => {
    const p = await buildPartnership({ db: db(), name: 'Crime Bad CSP', wards: [] });
    const header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const good =
      ',2016-03,City of London Police,City of London Police,-0.111497,51.518226,On or near Pedestrian Subway,E01000914,Camden 028B,Anti-social behaviour,,';
    const rows = [
      header,
      good,
      good,
      ',2016-03,City of London Police,City of London Police,-0.111497',
      ',2016-03,City of London Police,City of London Police,-74.0060,40.7128,On or near Broadway,E01000914,Camden 028B,Burglary,,',
      ',2016-03,City of London Police,City of London Police,-0.111497,51.518226,On or near X,E0100091,Camden 028B,Burglary,,',
      ',March 2016,City of London Police,City of London Police,-0.111497,51.518226,On or near X,E01000914,Camden 028B,Burglary,,',
    ];
    const summary = await imported(p, file(rows.join('\n')));
    // Two identical ASB rows are two incidents, never merged.
    expect(summary).toMatchObject({ status: 'done', rowsRead: 6, imported: 2, rejected: 4 });
    expect(summary.problems.map((x: { row: number; column: string; message: string }) => `row ${x.row}, ${x.column}: ${x.message}`)).toEqual([
      'row 4, Latitude: The row is cut short: it has 5 of 12 columns',
      'row 5, Longitude: (-74.0060, 40.7128) is not a longitude and latitude in the UK',
      'row 6, LSOA code: E0100091 is not an LSOA code (E01... or W01...)',
      'row 7, Month: March 2016: give the month as YYYY-MM',
    ]);
    const before = await db().selectFrom('crime_records').select('month').where('partnership_id', '=', p.id).execute();
    expect(before).toHaveLength(2);

    const wrong = await crime(p, 'import', file(`${header.replace('Crime type', 'Offence')}\n${good}\n`));
    expect(wrong.code).toBe(1);
    const failed = JSON.parse(wrong.stdout);
    expect(failed.status).toBe('failed');
    expect(failed.message).toMatch(/Nothing was imported: .*row 1: The header is not a police.uk street header: it has no "Crime type" column/);
    const missing = await crime(p, 'import', path.join(os.tmpdir(), 'no-such-police-file.csv'));
    expect(JSON.parse(missing.stdout).message).toContain('cannot be read (ENOENT)');
    expect(await db().selectFrom('crime_records').select('month').where('partnership_id', '=', p.id).execute()).toEqual(before);
    expect(await db().selectFrom('crime_imports').select('status').where('partnership_id', '=', p.id).orderBy('started_at').execute()).toEqual([
      { status: 'done' },
      { status: 'failed' },
      { status: 'failed' },
    ]);
    const bad = await crime(p, 'stats', '--group-by', 'postcode');
    expect(bad.stderr).toContain('--group-by');
  });
});
