/**
 * Properties of boundary files: any FeatureCollection of valid areas reads to exactly those areas; any other JSON is
 * read to problems naming a feature, never a throw; and an import (both engines) either stores the areas or is refused
 * with its problems, changing nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../test-support/arbitraries.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { tableCounts } from '../../test-support/tableCounts.js';
import { cliActor } from '../platform/recordAudit.js';
import { readBoundaries } from './boundaries.js';
import { BoundaryImportRejected, importBoundaries } from './importBoundaries.js';

/** -0 is written to JSON as 0: a file cannot hold it. */
const noMinusZero = (x: number) => (x === 0 ? 0 : x);
const coordinate = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }).map(noMinusZero),
  fc.double({ min: -90, max: 90, noNaN: true }).map(noMinusZero),
);
/** A closed ring of 4 to 8 positions. */
const ring = fc.array(coordinate, { minLength: 3, maxLength: 7 }).map((ps) => [...ps, ps[0] as [number, number]]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 2 });
const geometry = fc.oneof(
  polygon.map((coordinates) => ({ kind: 'Polygon' as const, polygons: [coordinates] })),
  fc.array(polygon, { minLength: 1, maxLength: 3 }).map((polygons) => ({ kind: 'MultiPolygon' as const, polygons })),
);
const wardCode = fc.integer({ min: 0, max: 999_999 }).map((d) => `E05${String(d).padStart(6, '0')}`);

function featureCollection(
  areas: { code: string; name: string; geometry: { kind: 'Polygon' | 'MultiPolygon'; polygons: [number, number][][][] } }[],
) {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      properties: { FID: 1, WD25CD: a.code, WD25NM: a.name },
      geometry: { type: a.geometry.kind, coordinates: a.geometry.kind === 'Polygon' ? a.geometry.polygons[0] : a.geometry.polygons },
    })),
  };
}

const validAreas = fc.uniqueArray(fc.record({ code: wardCode, name: hostileText(20).filter((s) => s.trim() !== ''), geometry }), {
  minLength: 1,
  maxLength: 6,
  selector: (a) => a.code,
});

describe('reading boundaries', () => {
  it('reads any FeatureCollection of valid areas to exactly those areas', () => {
    fc.assert(
      fc.property(validAreas, (areas) => {
        const read = readBoundaries(JSON.parse(JSON.stringify(featureCollection(areas))));
        expect(read.problems).toEqual([]);
        expect(read.codeProperty).toBe('WD25CD');
        expect(read.areas.map((a) => ({ code: a.code, name: a.name, polygons: a.polygons }))).toEqual(
          areas.map((a) => ({ code: a.code, name: a.name.trim(), polygons: a.geometry.polygons })),
        );
        for (const a of read.areas) {
          const all = a.polygons.flatMap((p) => p[0] ?? []);
          expect(a.bbox).toEqual([
            Math.min(...all.map((p) => p[0])),
            Math.min(...all.map((p) => p[1])),
            Math.max(...all.map((p) => p[0])),
            Math.max(...all.map((p) => p[1])),
          ]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads any other JSON to areas and problems naming features, never throwing', () => {
    const mutated = fc
      .tuple(validAreas, fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.constantFrom('geometry', 'properties', 'coordinates', 'type', 'WD25CD'))
      .map(([areas, junk, at, where]) => {
        const fcoll = featureCollection(areas) as { features: Record<string, unknown>[] };
        const f = fcoll.features[at % fcoll.features.length] as Record<string, Record<string, unknown>>;
        if (where === 'coordinates') (f.geometry as Record<string, unknown>).coordinates = junk;
        else if (where === 'WD25CD') (f.properties as Record<string, unknown>).WD25CD = junk;
        else (f as Record<string, unknown>)[where] = junk;
        return fcoll;
      });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutated), (json) => {
        const read = readBoundaries(json);
        const count = Array.isArray((json as { features?: unknown })?.features) ? (json as { features: unknown[] }).features.length : 0;
        for (const p of read.problems) {
          expect(p.feature).toBeGreaterThanOrEqual(0);
          expect(p.feature).toBeLessThanOrEqual(count);
          expect(p.message.length).toBeGreaterThan(0);
        }
        for (const a of read.areas) expect(a.polygons.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

describeEachEngine('importing boundaries (properties)', ({ handle }) => {
  it('stores a partnership’s wards’ valid boundaries as given, and refuses any other file with its problems, changing nothing', async () => {
    const file = fc.oneof(
      // Ward names a partnership can have (its own ward codes are their slugs).
      fc.tuple(validAreas, fc.boolean()).map(([areas, ours]) => ({ areas: areas.map((a) => ({ ...a, name: ` Ward ${a.code.slice(-4)} ` })), ours })),
      fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })),
    );
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const wards = 'areas' in f && f.ours ? f.areas.map((a) => a.name.trim()) : ['Northgate'];
        const partnership = await buildPartnership({ db: handle().db, wards: [...new Set(wards)] });
        const json = 'areas' in f ? JSON.parse(JSON.stringify(featureCollection(f.areas))) : f.json;
        const before = await tableCounts(handle().db, ['boundaries', 'wards', 'audit_log']);
        const result = await importBoundaries({
          db: handle().db,
          actor: cliActor(),
          partnershipId: partnership.id,
          json,
          fileName: 'wards.geojson',
        }).catch((e: unknown) => e);
        if (result instanceof Error) {
          expect(result, String(result.stack)).toBeInstanceOf(BoundaryImportRejected);
          expect((result as BoundaryImportRejected).problems.length).toBeGreaterThan(0);
          expect(await tableCounts(handle().db, ['boundaries', 'wards', 'audit_log'])).toEqual(before);
          return;
        }
        expect('areas' in f && f.ours).toBe(true);
        const stored = await handle()
          .db.selectFrom('boundaries')
          .select(['code', 'name', 'polygons'])
          .where('partnership_id', '=', partnership.id)
          .orderBy('code')
          .execute();
        if ('areas' in f)
          expect(stored.map((s) => ({ code: s.code, name: s.name, polygons: JSON.parse(s.polygons) }))).toEqual(
            [...f.areas]
              .sort((a, b) => (a.code < b.code ? -1 : 1))
              .map((a) => ({ code: a.code, name: a.name.trim(), polygons: a.geometry.polygons })),
          );
      }),
      { numRuns: 15 },
    );
  });

  it('stores a boundary with a vanishing coordinate, which PostgreSQL’s real refused (found by the property)', async () => {
    const partnership = await buildPartnership({ db: handle().db, wards: ['Ward 0001'] });
    const square: [number, number][][][] = [
      [
        [
          [0, 0],
          [0, 5e-324],
          [1, 1],
          [0, 0],
        ],
      ],
    ];
    const json = featureCollection([{ code: 'E05000001', name: 'Ward 0001', geometry: { kind: 'Polygon', polygons: square } }]);
    await expect(
      importBoundaries({ db: handle().db, actor: cliActor(), partnershipId: partnership.id, json, fileName: 'w.geojson' }),
    ).resolves.toEqual({
      kind: 'ward',
      areas: 1,
    });
  });
});
