/** The dashboard page's view context from an analysis. Pure. */
import type { Consultation } from '../consultations/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { DashboardFacts } from './analysisJob.js';
import type { CrossTab } from './crossTab.js';
import { headlineCharts, headlineFindings } from './dashboardHeadlines.js';
import {
  chartContext,
  crossTabModel,
  FILTER_LABELS,
  filterSummaryOf,
  fmtCi,
  fmtP,
  fmtPct,
  gridChartFor,
  gridRows,
  proportionModel,
  questionModel,
} from './dashboardModel.js';
import type { MarginsSource } from './marginsText.js';
import { type AnalysisQuery, FILTER_CODES, filterQueryString, weightingParams } from './schema.js';
import type { AnalysisResult } from './types.js';
import { parseMargins } from './weighting.js';

export type DashboardPage = ReturnType<typeof dashboardView>;

export function dashboardView(a: {
  consultation: Consultation;
  partnership: Partnership | undefined;
  /** The margins box's text when the request gives none: the partnership's saved margins or its wards' populations. */
  defaultMargins?: { text: string; source: MarginsSource };
  facts: DashboardFacts;
  result: AnalysisResult;
  query: AnalysisQuery;
  filters: Record<string, string>;
  xtab: CrossTab | null;
  xtabError: string | null;
  weightingError: string | null;
}) {
  const { consultation, result, facts } = a;
  const base = `/staff/consultations/${consultation.id}/analysis`;
  const linkParams = { ...a.filters, ...weightingParams(a.query) };
  const qs = filterQueryString(linkParams);
  const parsedMargins = a.query.margins ? parseMargins(a.query.margins) : null;
  const profile = facts.profile;
  const weighted = result.weighted;
  const filterSelects = FILTER_CODES.flatMap((code) => {
    const options = facts.filterOptions[code];
    if (!options) return [];
    const items = [
      { value: '', text: 'All' },
      ...options.filter((o) => !o.nonSubstantive).map((o) => ({ value: o.value, text: o.label, selected: a.filters[code] === o.value })),
    ];
    return [{ id: `filter-${code}`, name: code, label: { text: FILTER_LABELS[code] }, items }];
  });
  const charts = chartContext({ consultation, partnership: a.partnership, result, filters: a.filters });
  const questions = result.questions.map((q, i) => {
    const showGridHeading = Boolean(q.grid) && result.questions[i - 1]?.grid?.code !== q.grid?.code;
    const gridCode = q.grid?.code;
    const gridSvg = showGridHeading && gridCode ? gridChartFor(gridRows(result, gridCode), charts, true) : null;
    return {
      ...questionModel(q, charts, base, qs),
      showGridHeading,
      gridSvg,
      gridSvgHref: gridSvg ? `${base}/questions/${gridCode}/chart.svg${qs}` : null,
      gridPngHref: gridSvg ? `${base}/questions/${gridCode}/chart.png${qs}` : null,
    };
  });
  const contentsQuestions = questions.flatMap((q) =>
    q.showGridHeading ? [{ href: `#grid-${q.gridCode}`, text: q.gridLabel ?? '' }] : q.gridCode ? [] : [{ href: `#q-${q.code}`, text: q.label }],
  );
  const crossTabQuestions = [
    { value: '', text: 'Choose a question' },
    ...result.questions
      .filter((q) => q.type === 'single_choice' || q.type === 'rating_grid' || q.type === 'multiple_choice')
      .map((q) => ({ value: q.code, text: q.grid ? `${q.grid.label} ${q.grid.rowLabel}` : q.label, selected: a.query.xq === q.code })),
  ];
  const breakdownItems = [
    { value: '', text: 'Choose a breakdown' },
    ...facts.breakdowns.map((b) => ({
      value: b.code,
      text: b.label,
      selected: a.query.by === b.code,
    })),
  ];
  const ind = result.indicators;
  const indicators = ind
    ? {
        safety: ind.safety.map((s) => ({
          label: s.label,
          day: proportionModel(s.day),
          dark: proportionModel(s.dark),
          paired: {
            n: s.paired.n,
            suppressed: s.paired.status === 'suppressed',
            difference: s.paired.differencePoints === null ? '' : `${s.paired.differencePoints.toFixed(1)} points`,
            ci: fmtCi(s.paired.ci95),
            p: fmtP(s.paired.p),
            significant: s.paired.significant,
          },
        })),
        asbItems: ind.asb.items.map((i) => ({ label: i.label, national: i.national, ...proportionModel(i) })),
        asbScore: {
          n: ind.asb.score.n,
          suppressed: ind.asb.score.status === 'suppressed',
          mean: ind.asb.score.mean === null ? '' : ind.asb.score.mean.toFixed(2),
          highPercent: fmtPct(ind.asb.score.highPercent),
          highCi: fmtCi(ind.asb.score.highCi95),
          threshold: ind.asb.score.highThreshold,
        },
        topConcerns: ind.topConcerns.slice(0, 5).map((o) => ({
          label: o.label,
          percent: fmtPct(o.percent),
          ci: fmtCi(o.ci95),
          count: o.count === null ? 'Too small to publish' : String(o.count),
        })),
        topConcernsBase: ind.topConcernsBase?.description ?? '',
        victimisation: ind.victimisation
          ? { rate: proportionModel(ind.victimisation.rate), reported: proportionModel(ind.victimisation.reported) }
          : null,
      }
    : null;
  const filterSummary = filterSummaryOf(result, a.filters);
  const sections = [
    ...(ind
      ? [
          { href: '#headline-findings', text: 'Headline findings' },
          { href: '#headline-indicators', text: 'Headline indicators' },
        ]
      : []),
    { href: '#filters', text: 'Filters and weighting', noPrint: true },
    ...(profile ? [{ href: '#who-answered', text: 'Who answered, beside the population' }] : []),
    { href: '#crosstab', text: 'Cross-tabulation' },
    { href: '#results', text: 'Results for every question' },
  ];
  return {
    title: `Analysis: ${consultation.title}`,
    contents: { sections, questions: contentsQuestions },
    findings: ind ? headlineFindings(ind, weighted) : [],
    headlineCharts: ind ? headlineCharts(ind, charts) : [],
    partnership: a.partnership,
    consultation,
    base,
    n: result.n,
    totalResponses: result.totalResponses,
    weighted,
    rules: result.rules,
    filterSelects,
    filterSummary,
    indicators,
    questions,
    crossTabQuestions,
    breakdownItems,
    xtab: a.xtab ? crossTabModel(a.xtab) : null,
    xtabError: a.xtabError,
    xtabCsvHref: a.xtab
      ? `${base}/crosstab.csv?${new URLSearchParams({ ...linkParams, xq: a.xtab.question.code, by: a.xtab.breakdown.code }).toString()}`
      : null,
    xtabXlsxHref: a.xtab
      ? `${base}/crosstab.xlsx?${new URLSearchParams({ ...linkParams, xq: a.xtab.question.code, by: a.xtab.breakdown.code }).toString()}`
      : null,
    filterHidden: Object.entries(linkParams).map(([name, value]) => ({ name, value })),
    margins: a.query.margins ?? a.defaultMargins?.text ?? '',
    marginsSource: a.query.margins === undefined ? (a.defaultMargins?.source ?? 'none') : 'entered',
    marginsHref: `/staff/partnerships/${consultation.partnershipId}/margins`,
    weightedChecked: Boolean(a.query.weighted),
    weightingError: a.weightingError ?? (parsedMargins && !parsedMargins.ok ? parsedMargins.error.message : null),
    weighting: result.weighting
      ? {
          ...result.weighting,
          kishDesignEffect: result.weighting.kishDesignEffect.toFixed(2),
          kishEffectiveSampleSize: result.weighting.kishEffectiveSampleSize.toFixed(0),
          minWeight: result.weighting.minWeight.toFixed(3),
          maxWeight: result.weighting.maxWeight.toFixed(3),
          notStatedText: notStatedText(result.weighting.notStated),
        }
      : null,
    profile: profile
      ? {
          variables: profile.variables.map((v) => ({
            ...v,
            rows: v.rows.map((r) => ({
              ...r,
              samplePercent: fmtPct(r.samplePercent),
              populationPercent: fmtPct(r.populationPercent),
              gap: r.gapPoints === null ? '' : `${r.gapPoints > 0 ? '+' : ''}${r.gapPoints.toFixed(1)}`,
            })),
          })),
          largestGaps: profile.largestGaps.map((g) => `${g.label} (${g.variable}): ${g.gapPoints > 0 ? '+' : ''}${g.gapPoints.toFixed(1)} points`),
        }
      : null,
  };
}

/** "4 respondents did not state sex and 2 age_band: each group is weighted at its share of the sample.", or null. */
function notStatedText(notStated: Record<string, number> | undefined): string | null {
  const parts = Object.entries(notStated ?? {})
    .filter(([, k]) => k > 0)
    .map(([variable, k]) => `${k} ${variable}`);
  if (parts.length === 0) return null;
  return `Respondents who did not state a weighting variable (${parts.join(', ')}) are weighted as their own group at their share of the sample.`;
}
