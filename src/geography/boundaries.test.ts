import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';
import { AreaIndex } from './areaIndex.js';
import { readBoundaries } from './boundaries.js';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'fixtures/geo', name), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
const square = (west: number, south: number, size = 1) => [
  [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ],
];
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties,
  geometry: { type, coordinates },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('readBoundaries on the real Coventry files', () => {
  it('reads the 18 wards (WD25CD/WD25NM) with no problem', () => {
    const wards = readBoundaries(fixture('coventry_wards_wd25.geojson'));
    expect([wards.codeProperty, wards.nameProperty, wards.areas.length, wards.problems]).toEqual(['WD25CD', 'WD25NM', 18, []]);
    expect(wards.areas.map((a) => a.code)).toEqual(Array.from({ length: 18 }, (_, i) => `E0500${1218 + i}`));
    expect(wards.areas[0]).toMatchObject({
      code: 'E05001218',
      name: 'Bablake',
      bbox: [-1.61445000065458, 52.4160570146386, -1.51763287695838, 52.4648024780786],
    });
    expect(wards.areas.find((a) => a.code === 'E05001228')?.name).toBe("St Michael's");
  });

  it('reads the 195 LSOAs of 2011 (LSOA11CD/LSOA11NM)', () => {
    const lsoas = readBoundaries(fixture('coventry_lsoa11.geojson'));
    expect([lsoas.codeProperty, lsoas.areas.length, lsoas.problems.length]).toEqual(['LSOA11CD', 195, 0]);
    expect(lsoas.areas[0]).toMatchObject({ code: 'E01009522', name: 'Coventry 014A' });
  });
});

describe('AreaIndex', () => {
  it('places every ward’s and every LSOA’s own centroid (LONG, LAT) in that ward and LSOA, and London in none', () => {
    for (const file of ['coventry_wards_wd25.geojson', 'coventry_lsoa11.geojson']) {
      const json = fixture(file);
      const boundaries = readBoundaries(json);
      const index = new AreaIndex(boundaries.areas);
      const placed = json.features.filter(
        (f) => index.place(Number(f.properties.LONG), Number(f.properties.LAT)) === f.properties[boundaries.codeProperty ?? ''],
      );
      expect([file, placed.length]).toEqual([file, json.features.length]);
      expect(index.place(-0.1276, 51.5072)).toBeUndefined();
    }
  });

  it('respects holes, and gives a point on a shared edge to the same area every time', () => {
    const ring = square(0, 0, 10)[0];
    const hole = [
      [4, 4],
      [4, 6],
      [6, 6],
      [6, 4],
      [4, 4],
    ];
    const index = new AreaIndex(
      readBoundaries(collection(feature({ WDCD: 'A', WDNM: 'Ring' }, [ring, hole]), feature({ WDCD: 'B', WDNM: 'Next' }, square(10, 0, 10)))).areas,
    );
    expect([index.place(1, 1), index.place(5, 5), index.place(15, 5), index.place(25, 5)]).toEqual(['A', undefined, 'B', undefined]);
    expect(index.place(10, 5)).toBe('A');
    expect(new AreaIndex([]).place(1, 1)).toBeUndefined();
    expect(index.place(Number.NaN, 1)).toBeUndefined();
  });
});

describe('readBoundaries on bad input', () => {
  it('names each feature that cannot be used, and keeps the rest', () => {
    const open = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    ];
    const file = readBoundaries(
      collection(
        feature({ LSOA21CD: 'E1', LSOA21NM: 'Good' }, square(0, 0)),
        feature({ LSOA21CD: 'E2', LSOA21NM: 'Three' }, [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ]),
        feature({ LSOA21CD: 'E3', LSOA21NM: 'Grid' }, square(433000, 279000, 100)),
        feature({ LSOA21CD: 'E1', LSOA21NM: 'Again' }, square(2, 2)),
        feature({ LSOA21NM: 'No code' }, square(3, 3)),
        feature({ LSOA21CD: 'E4', LSOA21NM: 'Point' }, [1, 1], 'Point'),
        feature({ LSOA21CD: 'E5', LSOA21NM: 'Short' }, open),
        feature({ LSOA21CD: 'E6', LSOA21NM: 'Multi' }, [square(5, 5), square(7, 7)], 'MultiPolygon'),
      ),
    );
    expect(file.areas.map((a) => a.code)).toEqual(['E1', 'E6']);
    expect(file.areas[1]?.bbox).toEqual([5, 5, 8, 8]);
    expect(file.problems).toEqual([
      { feature: 2, code: 'E2', message: 'polygon 1, ring 1 has fewer than 4 positions' },
      {
        feature: 3,
        code: 'E3',
        message:
          'polygon 1, ring 1, position 1 (433000, 279000) is not a longitude and latitude: export the boundaries as WGS84 (EPSG:4326), not British National Grid',
      },
      { feature: 4, code: 'E1', message: 'E1 is given twice' },
      { feature: 5, message: 'it has no LSOA21CD' },
      { feature: 6, code: 'E4', message: 'its geometry is a Point, not a Polygon or MultiPolygon' },
      { feature: 7, code: 'E5', message: 'polygon 1, ring 1 is not closed: its last position is not its first' },
    ]);
  });

  it('refuses what is not a FeatureCollection, and features without a code and name pair', () => {
    expect(readBoundaries({ type: 'Feature' }).problems).toEqual([{ feature: 0, message: 'The file is not a GeoJSON FeatureCollection' }]);
    expect(readBoundaries(collection(feature({ name: 'x' }, square(0, 0)))).problems).toEqual([
      { feature: 1, message: 'it has no code and name properties (such as WD25CD and WD25NM)' },
    ]);
  });

  it('names a MultiPolygon with no polygons, which was read as an area with nowhere in it (found by the properties)', () => {
    const read = readBoundaries({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { WD25CD: 'E05000001', WD25NM: 'Empty' }, geometry: { type: 'MultiPolygon', coordinates: [] } }],
    });
    expect(read.areas).toEqual([]);
    expect(read.problems).toEqual([{ feature: 1, code: 'E05000001', message: 'its MultiPolygon has no polygons' }]);
  });
});
