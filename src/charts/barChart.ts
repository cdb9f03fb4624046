/**
 * Horizontal bars of percentages, each with its label written above it (wrapped, never cut) so the chart reads
 * at a phone's width as well as on a page. Each category has its own band, keyed by position: two categories
 * never share a bar, even when their labels are alike.
 */
import * as Plot from '@observablehq/plot';
import { axisEnd, CHART_WIDTH, type Chart, FONT_SIZE, type LegendItem, percentLabel } from './chart.js';
import { wrapText } from './wrapText.js';

export interface Bar {
  label: string;
  /** 0-100; null when there is no figure (the category keeps its place, with no bar). */
  percent: number | null;
  /** The bar's own colour (with a legend saying what each means); GOV.UK blue otherwise. */
  colour?: string;
}

/** Row geometry shared with the diverging chart. */
export const LINE_HEIGHT = 16;
export const BAR_HEIGHT = 18;
export const ROW_GAP = 10;
export const MARGIN_LEFT = 12;
const MARGIN_RIGHT = 48;
const MARGIN_TOP = 4;
const MARGIN_BOTTOM = 28;

export interface Rows<T> {
  /** One band key per category: its position. */
  keys: string[];
  data: (T & { key: string; lines: string; lineCount: number })[];
  rowHeight: number;
  labelHeight: number;
}

/** Labels wrapped to the chart's width, and the height each row needs (every row as tall as the tallest label). */
export function layoutRows<T extends { label: string }>(items: readonly T[], labelWidth: number): Rows<T> {
  const data = items.map((item, i) => {
    const lines = wrapText(item.label, labelWidth, FONT_SIZE);
    return { ...item, key: String(i), lines: lines.join('\n'), lineCount: lines.length };
  });
  const labelHeight = LINE_HEIGHT * Math.max(1, ...data.map((d) => d.lineCount)) + 2;
  return { keys: data.map((d) => d.key), data, rowHeight: labelHeight + BAR_HEIGHT + ROW_GAP, labelHeight };
}

/** The band scale and size for rows laid out by layoutRows, between the given margins. */
export function rowFrame(rows: Rows<unknown>, margins: { left: number; right: number }) {
  const height = MARGIN_TOP + rows.keys.length * rows.rowHeight + MARGIN_BOTTOM;
  return {
    width: CHART_WIDTH,
    height,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: margins.left,
    marginRight: margins.right,
    y: { type: 'band' as const, domain: rows.keys, padding: 0, range: [MARGIN_TOP, MARGIN_TOP + rows.keys.length * rows.rowHeight], axis: null },
  };
}

/** The labels just above their bars, starting `indent` pixels left of the data area. */
export function rowLabels(rows: Rows<unknown>, indent = 0): Plot.Markish {
  return Plot.text(rows.data, {
    y: 'key',
    frameAnchor: 'left',
    text: 'lines',
    lineAnchor: 'bottom',
    lineHeight: LINE_HEIGHT / FONT_SIZE,
    textAnchor: 'start',
    dx: -indent,
    dy: rows.labelHeight - rows.rowHeight / 2 - 5,
  });
}

/** Offset from a band's centre to its bar's centre. */
export const barCentre = (rows: Rows<unknown>) => rows.labelHeight + BAR_HEIGHT / 2 - rows.rowHeight / 2;

export function barChart(bars: readonly Bar[], options: { legend?: LegendItem[] } = {}): Chart {
  const rows = layoutRows(bars, CHART_WIDTH - MARGIN_LEFT - 8);
  const withValues = rows.data.filter((d): d is typeof d & { percent: number } => d.percent !== null);
  const end = axisEnd(Math.max(0, ...withValues.map((d) => d.percent)));
  return {
    legend: options.legend ?? [],
    plot: {
      ...rowFrame(rows, { left: MARGIN_LEFT, right: MARGIN_RIGHT }),
      x: { domain: [0, end], label: null, ticks: 5, tickFormat: (v: number) => `${v}%`, grid: true },
      marks: [
        Plot.barX(withValues, { x: 'percent', y: 'key', fill: (d: Bar) => d.colour ?? '#1d70b8', insetTop: rows.labelHeight, insetBottom: ROW_GAP }),
        rowLabels(rows),
        Plot.text(withValues, {
          x: 'percent',
          y: 'key',
          text: (d: { percent: number }) => percentLabel(d.percent),
          textAnchor: 'start',
          dx: 4,
          dy: barCentre(rows),
        }),
        Plot.ruleX([0]),
      ],
    },
  };
}
