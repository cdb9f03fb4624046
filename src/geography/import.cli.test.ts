// saferplan geography import --kind boundaries FILE: Coventry's real ward and LSOA boundaries, matched to the
// partnership's wards (recording their ONS codes) and LSOAs; all or nothing, problems named by feature.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';
import { COVENTRY_WARDS } from '../partnerships/demo/coventry.js';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';
import { slugify } from '../platform/slugify.js';
import { AreaIndex } from './areaIndex.js';
import { listBoundaries } from './queries/listBoundaries.js';

const WARDS = path.join(REPOSITORY_ROOT, 'fixtures/geo/coventry_wards_wd25.geojson');
const LSOAS = path.join(REPOSITORY_ROOT, 'fixtures/geo/coventry_lsoa11.geojson');

describeEachEngine('saferplan geography import --kind boundaries', ({ handle, target }) => {
  const db = () => handle().db;
  const file = (text: string) => {
    const at = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-')), 'b.geojson');
    fs.writeFileSync(at, text);
    return at;
  };
  const geography = (p: { slug: string }, f: string, kind = 'boundaries') =>
    runCli(['--db', target(), 'geography', 'import', '--kind', kind, '--partnership', p.slug, f]);

  it('imports the 18 wards, recording each ward’s ONS code, and places a point with them', async () => {
    const p = await buildPartnership({ db: db(), name: 'Boundary Coventry CSP', wards: COVENTRY_WARDS });
    const result = await geography(p, WARDS);
    expect(result.stderr).toContain('Imported 18 ward boundaries');
    expect(JSON.parse(result.stdout)).toEqual({ kind: 'ward', areas: 18 });
    const wards = await db().selectFrom('wards').select(['code', 'ons_code']).where('partnership_id', '=', p.id).orderBy('ons_code').execute();
    expect(wards[0]).toEqual({ code: 'bablake', ons_code: 'E05001218' });
    expect(wards.find((w) => w.code === slugify("St Michael's"))?.ons_code).toBe('E05001228');
    expect(wards.every((w) => w.ons_code !== null)).toBe(true);
    // Earlsdon's own centroid (from the file) is in Earlsdon.
    expect(new AreaIndex(await listBoundaries(db(), p.id, 'ward')).place(-1.533931, 52.39312)).toBe('E05001221');
    const audit = await db()
      .selectFrom('audit_log')
      .select('detail')
      .where('partnership_id', '=', p.id)
      .where('action', '=', 'geography.import')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ kind: 'boundaries', areas: 'ward', count: 18, file: WARDS }]);
    // Again: replaced, not doubled; matched by ONS code now.
    expect((await geography(p, WARDS)).code).toBe(0);
    expect(await db().selectFrom('boundaries').select('code').where('partnership_id', '=', p.id).execute()).toHaveLength(18);
  });

  it('refuses wards the partnership does not have and LSOAs it has not got, naming each feature, and changes nothing', async () => {
    const p = await buildPartnership({ db: db(), name: 'Boundary Elsewhere CSP', wards: ['Bablake', 'Earlsdon'] });
    const refused = await geography(p, WARDS);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('The boundaries were not imported: 16 problems. Nothing was changed.');
    expect(refused.stderr).toContain('feature 2 (E05001219): E05001219 Binley and Willenhall is not one of the partnership’s wards');
    const lsoas = await geography(p, LSOAS);
    expect(lsoas.stderr).toContain('The boundaries were not imported: 195 problems.');
    expect(lsoas.stderr).toContain('feature 1 (E01009522): E01009522 is not one of the partnership’s LSOAs (import the LSOAs first)');
    expect(await db().selectFrom('boundaries').select('code').where('partnership_id', '=', p.id).execute()).toEqual([]);
    expect(await db().selectFrom('wards').select('ons_code').where('partnership_id', '=', p.id).where('ons_code', 'is not', null).execute()).toEqual(
      [],
    );
  });

  it('names a bad file’s problems by feature, and refuses what is not GeoJSON or a file of another kind', async () => {
    const p = await buildPartnership({ db: db(), name: 'Boundary Bad CSP', wards: ['Bablake'] });
    const open = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { WD25CD: 'E05001218', WD25NM: 'Bablake' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          },
        },
      ],
    });
    const bad = await geography(p, file(open));
    expect(bad.stderr).toContain('feature 1 (E05001218): polygon 1, ring 1 is not closed: its last position is not its first');
    expect((await geography(p, file('{"type": "Feat'))).stderr).toContain('as GeoJSON');
    expect((await geography(p, WARDS, 'postcodes')).stderr).toContain('The file is not readable CSV');
    expect((await geography(p, WARDS, 'rivers')).stderr).toContain(
      '--kind must be one of wards, lsoas, lookup, boundaries, population, imd, postcodes',
    );
    expect(await db().selectFrom('boundaries').select('code').where('partnership_id', '=', p.id).execute()).toEqual([]);
  });
});
