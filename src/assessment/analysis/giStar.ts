/**
 * Hotspots: Getis-Ord Gi* over areas' queen contiguity (two areas are neighbours when their boundaries share a point;
 * each area counts in its own neighbourhood), with binary weights. A z-score above 1.96 is a hotspot at the 95% level,
 * below -1.96 a cold spot. Pure.
 */
import type { Area } from '../../geography/index.js';

/** Each area's neighbours (indexes into `areas`), from the boundary positions they share (to 1e-6 degrees, about 10 cm). */
export function queenNeighbours(areas: readonly Pick<Area, 'polygons'>[]): number[][] {
  const byPoint = new Map<string, Set<number>>();
  areas.forEach((area, i) => {
    for (const polygon of area.polygons)
      for (const ring of polygon)
        for (const [x, y] of ring) {
          const key = `${Math.round(x * 1e6)},${Math.round(y * 1e6)}`;
          const at = byPoint.get(key) ?? new Set<number>();
          byPoint.set(key, at.add(i));
        }
  });
  const neighbours = areas.map(() => new Set<number>());
  for (const at of byPoint.values()) if (at.size > 1) for (const i of at) for (const j of at) if (i !== j) neighbours[i]?.add(j);
  return neighbours.map((s) => [...s].sort((a, b) => a - b));
}

/** Gi* z-score of each area's value; null for every area when there are fewer than 3 areas or no variation. */
export function giStar(values: readonly number[], neighbours: readonly (readonly number[])[]): (number | null)[] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(values.reduce((a, b) => a + b * b, 0) / n - mean * mean);
  if (n < 3 || !(s > 0)) return values.map(() => null);
  return values.map((_, i) => {
    const star = [i, ...(neighbours[i] ?? [])];
    const w = star.length;
    const sum = star.reduce((a, j) => a + (values[j] as number), 0);
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    return denominator > 0 ? (sum - mean * w) / denominator : null;
  });
}
