/** What the dashboard shows, formatted for display (rounding happens only here). Pure. */
import { barChartSpec } from '../charts/barChart.js';
import { renderSvg } from '../charts/renderSvg.js';
import type { CrossTab } from './crossTab.js';
import type { OptionResult, ProportionResult, QuestionResult } from './types.js';

export const fmtPct = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? '' : `${v.toFixed(digits)}%`);
export const fmtCi = (ci: readonly [number, number] | null | undefined): string => (ci ? `${ci[0].toFixed(1)} to ${ci[1].toFixed(1)}` : '');
export const fmtP = (p: number | null | undefined): string => (p === null || p === undefined ? '' : p < 0.001 ? 'less than 0.001' : p.toFixed(3));

export interface DisplayRow {
  label: string;
  count: string;
  percent: string;
  ci: string;
  weightedPercent: string;
  se: string;
  meanRank: string;
}

function displayRow(o: OptionResult): DisplayRow {
  const hidden = o.count === null;
  return {
    label: o.label,
    count: hidden ? 'Too small to publish' : String(o.count),
    percent: fmtPct(o.percent),
    ci: fmtCi(o.ci95),
    weightedPercent: fmtPct(o.weightedPercent),
    se: o.se === null || o.se === undefined ? '' : o.se.toFixed(2),
    meanRank: o.meanRank === null || o.meanRank === undefined ? '' : o.meanRank.toFixed(2),
  };
}

export function chartFor(q: QuestionResult, inline: boolean, weighted: boolean): string | null {
  if (q.options.length === 0 || q.base.suppressed) return null;
  const bars = q.options.map((o) => ({ label: o.label, percent: weighted ? (o.weightedPercent ?? null) : o.percent }));
  const what = q.type === 'ranking' ? '% ranking each option first' : weighted ? 'weighted % choosing each option' : '% choosing each option';
  const desc = `Bar chart of ${what}. ${q.base.description}. ${q.options.map((o) => `${o.label}: ${fmtPct(weighted ? o.weightedPercent : o.percent)}`).join('; ')}.`;
  return renderSvg(
    barChartSpec(bars, { xLabel: weighted ? 'Weighted percent' : 'Percent' }),
    { id: `chart-${q.code}`, title: q.label, description: desc },
    { inline },
  );
}

export function questionModel(q: QuestionResult, weighted: boolean, base: string, query: string) {
  return {
    code: q.code,
    label: q.grid ? q.grid.rowLabel : q.label,
    gridLabel: q.grid?.label ?? null,
    gridCode: q.grid?.code ?? null,
    type: q.type,
    base: q.base,
    answered: q.answered,
    note: q.note ?? null,
    mean: q.mean === null || q.mean === undefined ? null : q.mean.toFixed(2),
    isRanking: q.type === 'ranking',
    rows: q.options.map(displayRow),
    nonSubstantive: q.nonSubstantive.map(displayRow),
    svg: chartFor(q, true, weighted),
    csvHref: `${base}/questions/${q.code}/table.csv${query}`,
    xlsxHref: `${base}/questions/${q.code}/table.xlsx${query}`,
    svgHref: `${base}/questions/${q.code}/chart.svg${query}`,
  };
}

export function proportionModel(p: ProportionResult) {
  return {
    n: p.n,
    suppressed: p.status === 'suppressed',
    small: p.status === 'small',
    percent: fmtPct(p.percent),
    ci: fmtCi(p.ci95),
    weightedPercent: fmtPct(p.weightedPercent),
  };
}

export function crossTabModel(t: CrossTab) {
  return {
    ...t,
    columns: t.columns.map((c) => ({ ...c, suppressed: c.status === 'suppressed', small: c.status === 'small' })),
    rows: t.rows.map((r) => ({
      label: r.label,
      cells: r.cells.map((c) => (c ? { percent: fmtPct(c.percent), count: c.count, weightedPercent: fmtPct(c.weightedPercent) } : null)),
    })),
    testText: t.test
      ? t.test.method === 'pearson'
        ? `Pearson chi-square = ${t.test.statistic.toFixed(2)}, df = ${t.test.df}, p = ${fmtP(t.test.p)}`
        : `Rao-Scott F = ${t.test.statistic.toFixed(2)}, df = ${t.test.ndf?.toFixed(2)} and ${t.test.ddf?.toFixed(1)}, p = ${fmtP(t.test.p)}`
      : null,
    significant: t.test ? t.test.p < 0.05 : null,
  };
}
