// saferplan crime dataset set / list and crime import-partner: a council's fly-tipping reports mapped once, placed by
// postcode through the partnership's real Code-Point postcodes, counted beside police.uk's records; re-imported months
// replaced; bad rows named; a file without the mapped columns changes nothing.
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

const GEO = path.join(REPOSITORY_ROOT, 'fixtures/geo');

describeEachEngine('partners’ data', ({ handle, target }) => {
  const crime = (p: { slug: string }, ...args: string[]) => runCli(['--db', target(), 'crime', ...args, '--partnership', p.slug]);
  const file = (text: string) => {
    const to = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'partner-')), 'fly-tipping.csv');
    fs.writeFileSync(to, text);
    return to;
  };

  it('maps a fly-tipping file once, places it by postcode, replaces its months on import, and names bad rows', async () => {
    const db = handle().db;
    const p = await buildPartnership({ db, name: 'Partner Coventry CSP', wards: COVENTRY_WARDS });
    const o = { db, actor: cliActor(), partnershipId: p.id };
    const text = (name: string) => fs.readFileSync(path.join(GEO, name), 'utf8');
    await importBoundaries({ ...o, json: JSON.parse(text('coventry_wards_wd25.geojson')), fileName: 'wards' });
    await importGeographyTable({ ...o, kind: 'postcodes', text: text('coventry_postcodes_codepoint_open_2025-10.csv'), fileName: 'postcodes' });

    const set = await crime(
      p,
      'dataset',
      'set',
      'Fly-tipping (council)',
      '--date',
      'Report date',
      '--fixed-category',
      'Fly-tipping',
      '--postcode',
      'Postcode',
    );
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse((await crime(p, 'dataset', 'list')).stdout).datasets.map((d: { name: string }) => d.name)).toEqual(['Fly-tipping (council)']);
    const refused = await crime(p, 'dataset', 'set', 'Bad', '--date', 'Report date', '--fixed-category', 'X');
    expect(refused.stderr).toContain('Give where each incident happened');

    const csv = [
      'Report date,Postcode,Notes',
      '05/03/2024,CV1 1AH,Mattress', // St Michael's
      '2024-03-19,cv11aj,Bags',
      '12/04/2024,B1 1AA,Birmingham',
      '31/02/2024,CV1 1AH,No such day',
      '2024-04,CV6 5AA,Fridge',
    ].join('\n');
    const first = JSON.parse((await crime(p, 'import-partner', '--dataset', 'Fly-tipping (council)', file(csv))).stdout);
    expect(first).toMatchObject({ status: 'done', rowsRead: 5, imported: 3, outside: 1, rejected: 1 });
    expect(first.problems[0]).toMatchObject({
      row: 5,
      column: 'Report date',
      message: '31/02/2024: give a date such as 05/03/2024 or 2024-03-05 (or a month, 2024-03)',
    });
    const byWard = JSON.parse((await crime(p, 'stats', '--group-by', 'ward')).stdout).groups;
    expect(byWard.find((g: { name: string }) => g.name === "St Michael's")?.count).toBe(2);
    const again = JSON.parse((await crime(p, 'import-partner', '--dataset', 'Fly-tipping (council)', file(csv))).stdout);
    expect(again).toMatchObject({ imported: 3, replaced: 3 });
    expect(JSON.parse((await crime(p, 'stats', '--group-by', 'type')).stdout).groups).toEqual([{ key: 'Fly-tipping', count: 3, rate: null }]);

    const wrong = await crime(p, 'import-partner', '--dataset', 'Fly-tipping (council)', file('Date,Where\n2024-03-01,CV1 1AH\n'));
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).message).toContain('the header has no "Report date", "Postcode" column');
    expect(JSON.parse((await crime(p, 'stats', '--group-by', 'type')).stdout).groups).toEqual([{ key: 'Fly-tipping', count: 3, rate: null }]);
    expect((await crime(p, 'import-partner', '--dataset', 'Nope', file(csv))).stderr).toContain('No dataset "Nope"');
  });
});
