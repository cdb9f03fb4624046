import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { Area, Polygon } from '../boundaries.js';
import type { BoundaryKind } from '../importBoundaries.js';

/** A partnership's stored boundaries of one kind, in code order, ready for an AreaIndex. */
export async function listBoundaries(db: Kysely<Database>, partnershipId: string, kind: BoundaryKind): Promise<Area[]> {
  const rows = await db
    .selectFrom('boundaries')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('kind', '=', kind)
    .orderBy('code')
    .execute();
  return rows.map((r, i) => ({
    feature: i + 1,
    code: r.code,
    name: r.name,
    polygons: fromJson<Polygon[]>(r.polygons, []),
    bbox: [Number(r.west), Number(r.south), Number(r.east), Number(r.north)],
  }));
}
