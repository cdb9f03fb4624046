/** The assessment's charts (besides the maps): the monthly trend with its rolling 12 months, and perception beside recorded by ward. Pure. */
import * as Plot from '@observablehq/plot';
import { CHART_WIDTH, type Chart } from '../../charts/chart.js';
import type { MonthCount } from '../analysis/series.js';

const LINE = '#1d70b8';
const ROLLING = '#d4351c';

export function trendChart(months: readonly MonthCount[], rolling: readonly (number | null)[]): Chart {
  const points = months.map((m, i) => ({
    date: new Date(`${m.month}-01T00:00:00Z`),
    count: m.count,
    rolling: rolling[i] === null ? null : (rolling[i] as number) / 12,
  }));
  return {
    legend: [
      { label: 'Recorded in the month', colour: LINE },
      { label: 'Average month over the last 12', colour: ROLLING },
    ],
    plot: {
      width: CHART_WIDTH,
      height: 220,
      marginLeft: 48,
      marginRight: 16,
      x: { type: 'utc', label: null, ticks: 6 },
      y: { grid: true, label: null, zero: true },
      marks: [
        Plot.lineY(points, { x: 'date', y: 'count', stroke: LINE, strokeWidth: 1.5 }),
        Plot.lineY(
          points.filter((p) => p.rolling !== null),
          { x: 'date', y: 'rolling', stroke: ROLLING, strokeWidth: 2.5 },
        ),
      ],
    },
  };
}

export interface WardPoint {
  ward: string;
  concern: number;
  rate: number;
}

/** Wards placed by their recorded rate (across) and the share of residents concerned (up), with lines at the medians: the corners show the mismatches. */
export function perceptionChart(points: readonly WardPoint[], rateLabel: string): Chart {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? ((s[Math.floor((s.length - 1) / 2)] as number) + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2 : 0;
  };
  return {
    legend: [],
    plot: {
      width: CHART_WIDTH,
      height: 300,
      marginLeft: 48,
      marginBottom: 40,
      x: { label: rateLabel, grid: true, zero: true },
      y: { label: '% naming it a top concern', grid: true, zero: true },
      marks: [
        Plot.ruleX([median(points.map((p) => p.rate))], { stroke: '#b1b4b6', strokeDasharray: '4,3' }),
        Plot.ruleY([median(points.map((p) => p.concern))], { stroke: '#b1b4b6', strokeDasharray: '4,3' }),
        Plot.dot(points, { x: 'rate', y: 'concern', fill: LINE, r: 4 }),
        Plot.text(points, { x: 'rate', y: 'concern', text: 'ward', dy: -9, fontSize: 10, fill: '#0b0c0c' }),
      ],
    },
  };
}
