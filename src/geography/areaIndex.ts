/**
 * Places points in areas: a spatial index (flatbush) over the areas' bounding boxes finds the few candidates, and
 * turf's point-in-polygon (holes respected) decides. Pure: built from areas, no I/O.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Area } from './boundaries.js';

export class AreaIndex {
  private readonly index: Flatbush | undefined;

  constructor(private readonly areas: readonly Area[]) {
    if (areas.length === 0) return;
    const index = new Flatbush(areas.length);
    for (const a of areas) index.add(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3]);
    index.finish();
    this.index = index;
  }

  /** The code of the area the point (WGS84 longitude, latitude) is in; undefined when it is in none. */
  place(longitude: number, latitude: number): string | undefined {
    if (!this.index || !Number.isFinite(longitude) || !Number.isFinite(latitude)) return undefined;
    const point: [number, number] = [longitude, latitude];
    // Candidates in index order, so a point on a shared edge always goes to the same area.
    for (const i of this.index.search(longitude, latitude, longitude, latitude).sort((a, b) => a - b)) {
      const area = this.areas[i] as Area;
      const geometry = { type: 'MultiPolygon' as const, coordinates: area.polygons };
      if (booleanPointInPolygon(point, geometry)) return area.code;
    }
    return undefined;
  }
}
