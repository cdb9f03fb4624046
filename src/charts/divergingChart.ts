/**
 * One diverging stacked bar per row of a rating grid ("how safe do you feel ... during the day / after dark"):
 * the first half of the scale (very safe, fairly safe) to the right of zero, the second half (a bit unsafe, very
 * unsafe) to the left, a middle option split across zero; each side's total at its end.
 */
import * as Plot from '@observablehq/plot';
import { barCentre, layoutRows, MARGIN_LEFT, ROW_GAP, rowFrame, rowLabels } from './barChart.js';
import { axisEnd, CHART_WIDTH, type Chart, percentLabel } from './chart.js';
import { textWidth } from './wrapText.js';

export interface DivergingRow {
  label: string;
  /** One per category, in the scale's order, 0-100 of the row's base; null when the row has no figures. */
  percents: readonly (number | null)[] | null;
}

/** The right (first) half from the outside in, the left (second) half from the inside out; a neutral middle. */
const RIGHT = ['#003078', '#1d70b8', '#5694ca'];
const LEFT = ['#f47738', '#d4351c', '#942514'];
const NEUTRAL = '#b1b4b6';
const LIGHT = new Set(['#5694ca', '#f47738', '#b1b4b6']);

/** Each category's colour: darkest at the ends of the scale. */
export function scaleColours(count: number): string[] {
  const half = Math.floor(count / 2);
  const right = RIGHT.slice(-half);
  while (right.length < half) right.unshift(RIGHT[0] as string);
  const left = LEFT.slice(0, half);
  while (left.length < half) left.push(LEFT[LEFT.length - 1] as string);
  return [...right, ...(count % 2 ? [NEUTRAL] : []), ...left];
}

export interface Segment {
  key: string;
  category: number;
  percent: number;
  x1: number;
  x2: number;
}

/** Where each category's segment lies: right of zero for the first half, left for the second, the middle across it. */
export function segmentsOf(percents: readonly number[], key: string): Segment[] {
  const count = percents.length;
  const half = Math.floor(count / 2);
  const middle = count % 2 ? (percents[half] as number) / 2 : 0;
  const out: Segment[] = [];
  // Right: from zero (plus half the middle) outwards, so the innermost is the last of the first half.
  let at = middle;
  for (let c = half - 1; c >= 0; c--) {
    const p = percents[c] as number;
    out.push({ key, category: c, percent: p, x1: at, x2: at + p });
    at += p;
  }
  if (count % 2) out.push({ key, category: half, percent: percents[half] as number, x1: -middle, x2: middle });
  at = middle ? -middle : 0;
  for (let c = count - half; c < count; c++) {
    const p = percents[c] as number;
    out.push({ key, category: c, percent: p, x1: at - p, x2: at });
    at -= p;
  }
  return out.sort((a, b) => a.category - b.category);
}

export function divergingChart(categories: readonly string[], rows: readonly DivergingRow[]): Chart {
  const colours = scaleColours(categories.length);
  const laid = layoutRows(rows, CHART_WIDTH - MARGIN_LEFT - 8);
  const segments = laid.data.flatMap((r) => (r.percents?.every((p) => p !== null) ? segmentsOf(r.percents as number[], r.key) : []));
  const rightEnd = axisEnd(Math.max(0, ...segments.map((s) => s.x2)));
  const leftEnd = axisEnd(Math.max(0, ...segments.map((s) => -s.x1)));
  const marginLeft = MARGIN_LEFT + 40;
  const marginRight = 44;
  const pxPerPoint = (CHART_WIDTH - marginLeft - marginRight) / (leftEnd + rightEnd);
  const half = Math.floor(categories.length / 2);
  const sideTotals = laid.data.flatMap((r) => {
    const mine = segments.filter((s) => s.key === r.key);
    if (!mine.length) return [];
    const right = mine.filter((s) => s.category < half);
    const left = mine.filter((s) => s.category >= categories.length - half);
    return [
      { key: r.key, x: Math.max(...mine.map((s) => s.x2)), anchor: 'start' as const, dx: 4, text: percentLabel(sumOf(right)) },
      { key: r.key, x: Math.min(...mine.map((s) => s.x1)), anchor: 'end' as const, dx: -4, text: percentLabel(sumOf(left)) },
    ];
  });
  const labelled = segments.filter((s) => textWidth(percentLabel(s.percent), 11) + 6 <= s.percent * pxPerPoint);
  const dy = barCentre(laid);
  return {
    legend: categories.map((label, c) => ({ label, colour: colours[c] as string })),
    plot: {
      ...rowFrame(laid, { left: marginLeft, right: marginRight }),
      x: { domain: [-leftEnd, rightEnd], label: null, ticks: 6, tickFormat: (v: number) => `${Math.abs(v)}%`, grid: true },
      marks: [
        Plot.barX(segments, {
          x1: 'x1',
          x2: 'x2',
          y: 'key',
          fill: (s: Segment) => colours[s.category],
          insetTop: laid.labelHeight,
          insetBottom: ROW_GAP,
        }),
        rowLabels(laid, marginLeft - MARGIN_LEFT),
        Plot.text(labelled, {
          x: (s: Segment) => (s.x1 + s.x2) / 2,
          y: 'key',
          text: (s: Segment) => percentLabel(s.percent),
          fill: (s: Segment) => (LIGHT.has(colours[s.category] as string) ? '#0b0c0c' : '#ffffff'),
          fontSize: 11,
          dy,
        }),
        Plot.text(
          sideTotals.filter((t) => t.anchor === 'start'),
          { x: 'x', y: 'key', text: 'text', textAnchor: 'start', dx: 4, dy, fontWeight: 'bold' },
        ),
        Plot.text(
          sideTotals.filter((t) => t.anchor === 'end'),
          { x: 'x', y: 'key', text: 'text', textAnchor: 'end', dx: -4, dy, fontWeight: 'bold' },
        ),
        Plot.ruleX([0], { strokeWidth: 1.5 }),
      ],
    },
  };
}

const sumOf = (segments: readonly Segment[]) => segments.reduce((s, x) => s + x.percent, 0);
