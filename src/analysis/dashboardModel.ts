/** What the dashboard shows, formatted for display (rounding happens only here). Pure. */
import { barChart } from '../charts/barChart.js';
import { divergingChart } from '../charts/divergingChart.js';
import { renderSvg } from '../charts/renderSvg.js';
import { channelLabel } from '../responses/index.js';
import type { CrossTab } from './crossTab.js';
import type { FILTER_CODES } from './schema.js';
import type { AnalysisResult, OptionResult, ProportionResult, QuestionResult } from './types.js';

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

/** What every chart of one analysis says beneath its base: where the figures come from, and the filters applied. */
export interface ChartContext {
  source: string;
  /** "Filters: Ward: Earlsdon." or "". */
  filters: string;
  weighted: boolean;
}

export function chartContext(a: {
  consultation: { title: string; isDemo?: boolean };
  partnership: { name: string } | undefined;
  result: Pick<AnalysisResult, 'weighted' | 'questions'>;
  filters: Record<string, string>;
}): ChartContext {
  const by = a.partnership ? `, ${a.partnership.name}` : '';
  const demo = a.consultation.isDemo ? ' (demo data)' : '';
  const weighting = a.result.weighted ? ' Weighted to population margins.' : '';
  const summary = filterSummaryOf(a.result, a.filters);
  return {
    source: `Source: ${a.consultation.title}${by}${demo}.${weighting}`,
    filters: summary.length ? ` Filters: ${summary.join(', ')}.` : '',
    weighted: a.result.weighted,
  };
}

export const FILTER_LABELS: Record<(typeof FILTER_CODES)[number], string> = { ward: 'Ward', age_band: 'Age band', sex: 'Sex', channel: 'Channel' };

/** "Ward: Earlsdon" for each filter, the option's label taken from the analysed question when it has one. */
export function filterSummaryOf(result: Pick<AnalysisResult, 'questions'>, filters: Record<string, string>): string[] {
  return Object.entries(filters).map(([code, value]) => {
    const q = result.questions.find((x) => x.code === code);
    const label =
      code === 'channel' ? channelLabel(value) : q ? [...q.options, ...q.nonSubstantive].find((o) => o.value === value)?.label : undefined;
    return `${FILTER_LABELS[code as keyof typeof FILTER_LABELS] ?? code}: ${label ?? value}`;
  });
}

const figure = (o: OptionResult, weighted: boolean) => (weighted ? (o.weightedPercent ?? null) : o.percent);

export function chartFor(q: QuestionResult, ctx: ChartContext, inline: boolean): string | null {
  if (q.options.length === 0 || q.base.suppressed) return null;
  const bars = q.options.map((o) => ({ label: o.label, percent: figure(o, ctx.weighted) }));
  const what = q.type === 'ranking' ? '% ranking each option first' : ctx.weighted ? 'weighted % choosing each option' : '% choosing each option';
  const title = q.grid ? `${q.grid.label} ${q.grid.rowLabel}` : q.label;
  const desc = `Bar chart of ${what}. ${q.options.map((o) => `${o.label}: ${fmtPct(figure(o, ctx.weighted))}`).join('; ')}.`;
  return renderSvg(
    barChart(bars),
    { id: `chart-${q.code}`, title, description: desc, base: `${q.base.description}. Bars show ${what}.${ctx.filters}`, source: ctx.source },
    { inline },
  );
}

/** The rows of a rating grid (consecutive results with the grid's code) as one diverging stacked bar chart. */
export function gridChartFor(rows: readonly QuestionResult[], ctx: ChartContext, inline: boolean): string | null {
  const first = rows[0];
  if (!first?.grid || first.options.length < 2) return null;
  const published = rows.filter((r) => !r.base.suppressed);
  if (!published.length) return null;
  const categories = first.options.map((o) => o.label);
  const chartRows = rows.map((r) => ({
    label: r.grid?.rowLabel ?? r.label,
    percents: r.base.suppressed ? null : r.options.map((o) => figure(o, ctx.weighted)),
  }));
  const leftOut = first.nonSubstantive.length ? `, leaving out ${first.nonSubstantive.map((o) => o.label).join(' and ')}` : '';
  const bases = rows.map((r) => `${r.grid?.rowLabel ?? r.label} n = ${r.base.n}${r.base.suppressed ? ' (too small to publish)' : ''}`).join('; ');
  const desc = `Diverging stacked bar chart: for each row, ${categories.slice(0, Math.floor(categories.length / 2)).join(' and ')} to the right of zero, the rest to the left. ${rows
    .map((r) =>
      r.base.suppressed
        ? `${r.grid?.rowLabel}: too small to publish`
        : `${r.grid?.rowLabel} ${r.options.map((o) => `${o.label} ${fmtPct(figure(o, ctx.weighted))}`).join(', ')}`,
    )
    .join('; ')}.`;
  return renderSvg(
    divergingChart(categories, chartRows),
    {
      id: `chart-grid-${first.grid.code}`,
      title: first.grid.label,
      description: desc,
      base: `Base: those who answered each row${leftOut}: ${bases}.${ctx.weighted ? ' Weighted percentages.' : ''}${ctx.filters}`,
      source: ctx.source,
    },
    { inline },
  );
}

/** The rows of the grid with this code, in order (empty when no grid has it). */
export function gridRows(result: Pick<AnalysisResult, 'questions'>, gridCode: string): QuestionResult[] {
  return result.questions.filter((q) => q.grid?.code === gridCode);
}

/** The chart a download asks for by code: a question's bar chart, or a rating grid's combined chart. */
export function chartForCode(result: AnalysisResult, code: string, ctx: ChartContext): string | null {
  const q = result.questions.find((x) => x.code === code);
  if (q) return chartFor(q, ctx, false);
  const rows = gridRows(result, code);
  return rows.length ? gridChartFor(rows, ctx, false) : null;
}

export function questionModel(q: QuestionResult, ctx: ChartContext, base: string, query: string) {
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
    svg: chartFor(q, ctx, true),
    csvHref: `${base}/questions/${q.code}/table.csv${query}`,
    xlsxHref: `${base}/questions/${q.code}/table.xlsx${query}`,
    svgHref: `${base}/questions/${q.code}/chart.svg${query}`,
    pngHref: `${base}/questions/${q.code}/chart.png${query}`,
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

/** Rating scales whose top two answers make the figure councillors ask for ("very or fairly safe"). */
const NETS: readonly { values: readonly [string, string]; label: string }[] = [
  { values: ['very_safe', 'fairly_safe'], label: 'Very or fairly safe' },
  { values: ['very_big_problem', 'fairly_big_problem'], label: 'A very or fairly big problem' },
  { values: ['very_worried', 'fairly_worried'], label: 'Very or fairly worried' },
];

type CrossTabRow = CrossTab['rows'][number];

/** The total of the scale's top two answers in each column, when the cross-tab's rows are such a scale; null otherwise. */
export function netRow(t: Pick<CrossTab, 'rows'>): CrossTabRow | null {
  const net = NETS.find((n) => n.values.every((v) => t.rows.some((r) => r.value === v)));
  if (!net) return null;
  const [a, b] = net.values.map((v) => t.rows.find((r) => r.value === v) as CrossTabRow);
  const add = (x: number | null | undefined, y: number | null | undefined) =>
    x === null || x === undefined || y === null || y === undefined ? null : x + y;
  return {
    value: `${net.values[0]}+${net.values[1]}`,
    label: net.label,
    cells: (a as CrossTabRow).cells.map((c, g) => {
      const d = (b as CrossTabRow).cells[g];
      if (!c || !d) return null;
      return { count: c.count + d.count, percent: add(c.percent, d.percent), ci95: null, weightedPercent: add(c.weightedPercent, d.weightedPercent) };
    }),
  };
}

export function crossTabModel(t: CrossTab) {
  const net = netRow(t);
  const cellsOf = (r: CrossTabRow) =>
    r.cells.map((c) => (c ? { percent: fmtPct(c.percent), count: c.count, weightedPercent: fmtPct(c.weightedPercent) } : null));
  return {
    ...t,
    columns: t.columns.map((c) => ({ ...c, suppressed: c.status === 'suppressed', small: c.status === 'small' })),
    rows: t.rows.map((r) => ({ label: r.label, isNet: false, cells: cellsOf(r) })),
    net: net ? { label: net.label, isNet: true, cells: cellsOf(net) } : null,
    testText: t.test
      ? t.test.method === 'pearson'
        ? `Pearson chi-square = ${t.test.statistic.toFixed(2)}, df = ${t.test.df}, p = ${fmtP(t.test.p)}`
        : `Rao-Scott F = ${t.test.statistic.toFixed(2)}, df = ${t.test.ndf?.toFixed(2)} and ${t.test.ddf?.toFixed(1)}, p = ${fmtP(t.test.p)}`
      : null,
    significant: t.test ? t.test.p < 0.05 : null,
  };
}
