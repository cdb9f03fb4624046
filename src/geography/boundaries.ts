/**
 * Areas from an ONS boundary GeoJSON (wards, LSOAs, MSOAs...), checked feature by feature. Pure: parsed JSON in,
 * areas and problems out. An area's code and name come from any `..CD` / `..NM` property pair (`WD25CD`/`WD25NM`,
 * `LSOA11CD`/`LSOA11NM`); coordinates must be WGS84 longitude and latitude, as the ONS Geoportal's GeoJSON gives them.
 */

/** A polygon: its outer ring, then any holes; each ring a closed list of [longitude, latitude]. */
export type Polygon = [number, number][][];

export interface Area {
  /** Its feature's position in the file, from 1. */
  feature: number;
  code: string;
  name: string;
  /** One or more polygons (a MultiPolygon's parts). */
  polygons: Polygon[];
  /** [west, south, east, north]. */
  bbox: [number, number, number, number];
}

export interface FeatureProblem {
  /** The feature's position in the file, from 1. */
  feature: number;
  /** Its code, when it has one. */
  code?: string;
  message: string;
}

export interface BoundaryFile {
  /** The property pair the codes and names came from, e.g. WD25CD and WD25NM. */
  codeProperty: string | undefined;
  nameProperty: string | undefined;
  areas: Area[];
  problems: FeatureProblem[];
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first property ending in CD with a sibling ending in NM (WD25CD and WD25NM), in the order the file gives them. */
export function codeAndNameProperties(properties: Record<string, Json>): { code: string; name: string } | undefined {
  for (const key of Object.keys(properties)) {
    if (!/^[A-Z0-9]+CD$/i.test(key)) continue;
    const name = `${key.slice(0, -2)}${key.slice(-2) === 'CD' ? 'NM' : 'nm'}`;
    if (name in properties) return { code: key, name };
  }
  return undefined;
}

function checkRing(ring: Json, where: string): { ring?: [number, number][]; problem?: string } {
  if (!Array.isArray(ring) || ring.length < 4) return { problem: `${where} has fewer than 4 positions` };
  const positions: [number, number][] = [];
  for (const [i, p] of ring.entries()) {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      return { problem: `${where}, position ${i + 1} is not a pair of numbers` };
    const [lon, lat] = p as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return {
        problem: `${where}, position ${i + 1} (${lon}, ${lat}) is not a longitude and latitude: export the boundaries as WGS84 (EPSG:4326), not British National Grid`,
      };
    positions.push([lon, lat]);
  }
  const first = positions[0] as [number, number];
  const last = positions.at(-1) as [number, number];
  if (first[0] !== last[0] || first[1] !== last[1]) return { problem: `${where} is not closed: its last position is not its first` };
  return { ring: positions };
}

function checkPolygons(geometry: Json): { polygons?: Polygon[]; problem?: string } {
  if (!isObject(geometry)) return { problem: 'it has no geometry' };
  const parts =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)
        ? geometry.coordinates
        : null;
  if (!parts) return { problem: `its geometry is a ${String(geometry.type)}, not a Polygon or MultiPolygon` };
  if (parts.length === 0) return { problem: 'its MultiPolygon has no polygons' };
  const polygons: Polygon[] = [];
  for (const [p, rings] of parts.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return { problem: `polygon ${p + 1} has no rings` };
    const polygon: Polygon = [];
    for (const [r, ring] of rings.entries()) {
      const checked = checkRing(ring, `polygon ${p + 1}, ring ${r + 1}`);
      if (!checked.ring) return { problem: checked.problem };
      polygon.push(checked.ring);
    }
    polygons.push(polygon);
  }
  return { polygons };
}

function bboxOf(polygons: Polygon[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const [lon, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  return box;
}

/** Every feature of a FeatureCollection as an area, or a problem naming the feature; a code given twice is a problem. */
export function readBoundaries(json: Json): BoundaryFile {
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features))
    return {
      codeProperty: undefined,
      nameProperty: undefined,
      areas: [],
      problems: [{ feature: 0, message: 'The file is not a GeoJSON FeatureCollection' }],
    };
  const areas: Area[] = [];
  const problems: FeatureProblem[] = [];
  const seen = new Set<string>();
  let pair: { code: string; name: string } | undefined;
  for (const [i, feature] of json.features.entries()) {
    const n = i + 1;
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    pair ??= codeAndNameProperties(properties);
    const code = pair ? properties[pair.code] : undefined;
    const name = pair ? properties[pair.name] : undefined;
    if (typeof code !== 'string' || code.trim() === '') {
      problems.push({ feature: n, message: pair ? `it has no ${pair.code}` : 'it has no code and name properties (such as WD25CD and WD25NM)' });
      continue;
    }
    const trimmed = code.trim();
    if (seen.has(trimmed)) {
      problems.push({ feature: n, code: trimmed, message: `${trimmed} is given twice` });
      continue;
    }
    seen.add(trimmed);
    const checked = checkPolygons(isObject(feature) ? feature.geometry : undefined);
    if (!checked.polygons) {
      problems.push({ feature: n, code: trimmed, message: checked.problem ?? 'its geometry cannot be read' });
      continue;
    }
    areas.push({
      feature: n,
      code: trimmed,
      name: typeof name === 'string' ? name.trim() : trimmed,
      polygons: checked.polygons,
      bbox: bboxOf(checked.polygons),
    });
  }
  return { codeProperty: pair?.code, nameProperty: pair?.name, areas, problems };
}
