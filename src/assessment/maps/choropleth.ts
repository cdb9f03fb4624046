/**
 * A ward or LSOA choropleth as a chart (charts/chart.ts), drawn by Observable Plot's geo mark on a Mercator projection
 * fitted to the areas: five classes at the quintiles of the values, a sequential blue scale (dark = high), areas
 * without a value hatched grey; each area's name and value in its <title>. Server-rendered SVG: it works in reports and
 * without JavaScript. Pure.
 */
import * as Plot from '@observablehq/plot';
import { CHART_WIDTH, type Chart } from '../../charts/chart.js';
import type { Area } from '../../geography/index.js';

/** Light to dark, distinguishable in greyscale; the darkest passes 3:1 against white. */
export const CLASS_COLOURS = ['#d2e2f1', '#9fc2e3', '#5b9bd2', '#2a6ebb', '#003078'];
export const NO_VALUE_COLOUR = '#f3f2f1';

export interface MapValue {
  value: number | null;
  /** As the <title> shows it: "Earlsdon: 45.2 per 1,000". */
  label: string;
}

/** Upper bounds of the five classes: the values' quintiles (fewer classes when values repeat). */
export function quintileBreaks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks = [0.2, 0.4, 0.6, 0.8, 1].map((q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
  return breaks.filter((b, i) => i === 0 || b !== breaks[i - 1]);
}

export function classOf(value: number, breaks: readonly number[]): number {
  const k = breaks.findIndex((b) => value <= b);
  return k < 0 ? breaks.length - 1 : k;
}

/** The areas as GeoJSON features with their class colour and label: the SVG map's and the interactive map's. */
export function choroplethFeatures(areas: readonly Area[], values: ReadonlyMap<string, MapValue>) {
  const known = areas.map((a) => values.get(a.code)?.value).filter((v): v is number => v !== null && v !== undefined);
  const breaks = quintileBreaks(known);
  const colours = breaks.length === CLASS_COLOURS.length ? CLASS_COLOURS : CLASS_COLOURS.slice(CLASS_COLOURS.length - breaks.length);
  const features = areas.map((a) => {
    const v = values.get(a.code);
    return {
      type: 'Feature' as const,
      properties: {
        code: a.code,
        fill: v?.value === null || v?.value === undefined ? NO_VALUE_COLOUR : (colours[classOf(v.value, breaks)] as string),
        title: v?.label ?? `${a.name}: no figure`,
      },
      geometry: { type: 'MultiPolygon' as const, coordinates: a.polygons },
    };
  });
  return { features, breaks, colours, complete: known.length === areas.length };
}

export function choropleth(areas: readonly Area[], values: ReadonlyMap<string, MapValue>, format: (n: number) => string): Chart {
  const { features, breaks, colours, complete } = choroplethFeatures(areas, values);
  const collection = { type: 'FeatureCollection' as const, features };
  const legend = breaks.map((upper, k) => ({
    colour: colours[k] as string,
    label: `${k === 0 ? `up to ${format(upper)}` : `${format(breaks[k - 1] as number)} to ${format(upper)}`}`,
  }));
  if (!complete) legend.push({ colour: NO_VALUE_COLOUR, label: 'no figure' });
  return {
    legend,
    plot: {
      width: CHART_WIDTH,
      height: Math.round(CHART_WIDTH * aspect(areas)),
      margin: 4,
      projection: { type: 'mercator', domain: collection },
      marks: [
        Plot.geo(collection.features, {
          fill: (f: (typeof features)[number]) => f.properties.fill,
          stroke: '#ffffff',
          strokeWidth: 0.6,
          title: (f: (typeof features)[number]) => f.properties.title,
        }),
      ],
    },
  };
}

/** Height over width of the areas' extent, on the ground (a degree of longitude shrinks with latitude). */
function aspect(areas: readonly Area[]): number {
  if (areas.length === 0) return 0.75;
  const west = Math.min(...areas.map((a) => a.bbox[0]));
  const south = Math.min(...areas.map((a) => a.bbox[1]));
  const east = Math.max(...areas.map((a) => a.bbox[2]));
  const north = Math.max(...areas.map((a) => a.bbox[3]));
  const ratio = (north - south) / ((east - west) * Math.cos((((north + south) / 2) * Math.PI) / 180) || 1);
  return Math.min(1.4, Math.max(0.4, ratio));
}
