/**
 * What every chart is: a Plot spec for its data area, the legend drawn beside it, and the text around it. One chart
 * gives the picture in the page, its SVG and PNG downloads and (later) reports, so all carry the same title, base
 * and source.
 */
import type * as Plot from '@observablehq/plot';

/** The width every chart is drawn at (SVG user units). Narrow enough that a phone (360 px of content) shows 13 px text at about 11 px. */
export const CHART_WIDTH = 440;
export const FONT_SIZE = 13;
/** Arial where the browser has it, Liberation Sans (the same metrics) on Linux and for the PNG. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";
export const TEXT_COLOUR = '#0b0c0c';
export const SECONDARY_TEXT_COLOUR = '#505a5f';

export interface LegendItem {
  label: string;
  colour: string;
}

export interface Chart {
  /** The data area: Plot's options (marks, scales, size). */
  plot: Plot.PlotOptions;
  /** Categories by colour, drawn above the data area (Plot's own legends are HTML, not SVG). */
  legend: LegendItem[];
}

/** The words around a chart: on the picture itself and, for screen readers, in its <title> and <desc>. */
export interface ChartText {
  /** Unique within the page: the <title> and <desc> ids derive from it. */
  id: string;
  title: string;
  /** What a screen reader hears in place of the picture: every figure in it. */
  description: string;
  /** Who the percentages are of, with n: "Base: all who answered, n = 652". */
  base: string;
  /** Where the figures come from: "Source: Crime Survey 2024, Anytown Community Safety Partnership". */
  source: string;
}

/** The value axis's end: the smallest of these at or above the largest value (so bars of 2-10% are not slivers). */
const AXIS_ENDS = [1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100];

export function axisEnd(largest: number): number {
  if (!(largest > 0)) return AXIS_ENDS[0] as number;
  return AXIS_ENDS.find((end) => end >= largest - 1e-9) ?? Math.ceil(largest / 10) * 10;
}

/** "56.7%" on charts: whole numbers from 10 up, one decimal place below (so 2.4% and 2.6% differ). */
export function percentLabel(value: number): string {
  return value >= 9.95 ? `${value.toFixed(0)}%` : `${value.toFixed(1)}%`;
}
