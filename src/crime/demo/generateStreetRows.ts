/**
 * Generated police.uk street rows (demo data and benchmarks, docs/crime.md): each month's crimes spread over real LSOAs
 * in proportion to their population and to their IoD 2019 crime-domain decile (the most deprived tenth about three
 * times the least), with West Midlands Police's real mix of crime types (March-August 2023, DOMAIN.md), a summer
 * peak, and a yearly trend per type. Each row a point inside its LSOA. Labelled as demo data in the force and location
 * columns. Pure and seeded: the same rows every time.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Area } from '../../geography/index.js';
import { mulberry32 } from '../../platform/mulberry32.js';

export const DEMO_FORCE = 'Demo data (generated; not a police force)';
export const DEMO_LOCATION = 'On or near a generated point (demo data)';

/** West Midlands Police street rows by type, March-August 2023 (DOMAIN.md), and each type's change a year. */
const TYPES: readonly [string, number, number][] = [
  ['Violence and sexual offences', 75_867, 0.02],
  ['Vehicle crime', 17_701, -0.08],
  ['Criminal damage and arson', 14_237, -0.03],
  ['Anti-social behaviour', 13_497, -0.06],
  ['Public order', 13_448, 0.01],
  ['Other theft', 12_829, -0.02],
  ['Shoplifting', 12_051, 0.18],
  ['Burglary', 9_581, -0.05],
  ['Robbery', 4_412, 0.04],
  ['Drugs', 3_912, 0.1],
  ['Possession of weapons', 3_522, 0.06],
  ['Other crime', 3_191, 0],
  ['Theft from the person', 2_019, 0.05],
  ['Bicycle theft', 1_143, -0.04],
];
const OUTCOMES: readonly [string, number][] = [
  ['Investigation complete; no suspect identified', 45],
  ['Unable to prosecute suspect', 25],
  ['Under investigation', 8],
  ['Suspect charged', 7],
  ['Local resolution', 5],
  ['Court result unavailable', 4],
  ['Offender given a caution', 3],
  ['Further investigation is not in the public interest', 3],
];

export interface DemoLsoa {
  area: Area;
  population: number;
  /** IoD 2019 crime domain decile, 1 = most deprived. */
  crimeDecile: number;
}

export const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** Months from `first` (YYYY-MM), `count` of them. */
export function monthsFrom(first: string, count: number): string[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const n = y * 12 + (m - 1) + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/** One month's rows as CSV lines (no header), `perMonth` of them on average. */
export function* streetRows(o: {
  lsoas: readonly DemoLsoa[];
  months: readonly string[];
  perMonth: number;
  seed: number;
}): Generator<{ month: string; lines: string[] }> {
  const random = mulberry32(o.seed);
  const weights = o.lsoas.map((l) => l.population * (1 + (10 - l.crimeDecile) * 0.25));
  const lsoaPick = cumulative(weights);
  const typeTotal = TYPES.reduce((n, t) => n + t[1], 0);
  const outcomePick = cumulative(OUTCOMES.map((x) => x[1]));
  const hex = () =>
    Array.from({ length: 8 }, () =>
      Math.floor(random() * 0x100000000)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
  for (const [index, month] of o.months.entries()) {
    const monthOfYear = Number(month.slice(5, 7));
    const years = index / 12;
    const season = 1 + 0.1 * Math.sin(((monthOfYear - 4) / 12) * 2 * Math.PI);
    const typeWeights = TYPES.map(([, n, trend]) => (n / typeTotal) * (1 + trend) ** years);
    const typePick = cumulative(typeWeights);
    const count = Math.round(o.perMonth * season * typeWeights.reduce((a, b) => a + b, 0));
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const lsoa = o.lsoas[pick(lsoaPick, random())] as DemoLsoa;
      const type = (TYPES[pick(typePick, random())] as [string, number, number])[0];
      const [longitude, latitude] = pointIn(lsoa.area, random);
      const asb = type === 'Anti-social behaviour';
      const outcome = asb ? '' : (OUTCOMES[pick(outcomePick, random())] as [string, number])[0];
      lines.push(
        [
          asb ? '' : hex(),
          month,
          DEMO_FORCE,
          DEMO_FORCE,
          longitude.toFixed(6),
          latitude.toFixed(6),
          DEMO_LOCATION,
          lsoa.area.code,
          lsoa.area.name,
          type,
          outcome,
          '',
        ].join(','),
      );
    }
    yield { month, lines };
  }
}

function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  const sums = weights.map((w) => (total += w));
  return sums.map((s) => s / total);
}

function pick(sums: readonly number[], u: number): number {
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < (sums[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A point inside the area: tried in its bounding box until one falls inside (LSOAs fill most of theirs). */
function pointIn(area: Area, random: () => number): [number, number] {
  const [west, south, east, north] = area.bbox;
  const geometry = { type: 'MultiPolygon' as const, coordinates: area.polygons };
  for (let tries = 0; tries < 200; tries++) {
    const p: [number, number] = [west + random() * (east - west), south + random() * (north - south)];
    if (booleanPointInPolygon(p, geometry)) return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
  }
  return [(west + east) / 2, (south + north) / 2];
}
