/** Horizontal bar chart of percentages: one Plot spec for the page, the SVG download and (later) reports. */
import * as Plot from '@observablehq/plot';

export interface Bar {
  label: string;
  /** 0-100; bars with no value (suppressed) are left out. */
  percent: number | null;
}

const short = (s: string, max = 42) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function barChartSpec(bars: readonly Bar[], options: { xLabel?: string } = {}): Plot.PlotOptions {
  const data = bars.filter((b) => b.percent !== null).map((b) => ({ label: short(b.label), percent: b.percent as number }));
  return {
    width: 720,
    height: 40 + 26 * Math.max(1, data.length),
    marginLeft: 260,
    marginRight: 48,
    x: { label: options.xLabel ?? 'Percent', domain: [0, 100] },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { x: 'percent', y: 'label', fill: '#1d70b8' }),
      Plot.text(data, { x: 'percent', y: 'label', text: (d: { percent: number }) => `${d.percent.toFixed(0)}%`, dx: 16 }),
      Plot.ruleX([0]),
    ],
  };
}
