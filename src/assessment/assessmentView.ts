/**
 * The Strategic Assessment page and document (docs/assessment.md), built from what loadAssessment read: the summary,
 * recorded crime by type with the year's change, place (ward and LSOA maps, hotspots by Gi*), deprivation, trend and
 * seasonality, perception beside recorded by ward, and the prioritisation matrix. Pure.
 */
import { renderSvg } from '../charts/renderSvg.js';
import { DEMO_FORCE, ratePer1000 } from '../crime/index.js';
import { concentration, type LsoaFigures, ratesByDecile } from './analysis/deprivation.js';
import { giStar, queenNeighbours } from './analysis/giStar.js';
import { type IssueEvidence, type ScoredIssue, scoreIssues } from './analysis/matrix.js';
import { fillMonths, rolling12, seasonalIndex } from './analysis/series.js';
import { type Change, poissonChange } from './analysis/yearOnYear.js';
import { ISSUES, type Issue } from './issues.js';
import type { AssessmentData, Perception } from './loadAssessment.js';
import { choropleth, choroplethFeatures, type MapValue } from './maps/choropleth.js';
import { perceptionChart, trendChart } from './view/charts.js';

const n = (x: number) => x.toLocaleString('en-GB');
const one = (x: number | null) => (x === null ? 'not known' : x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const monthName = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
const POLICE_SOURCE = 'Contains public sector information licensed under the Open Government Licence v3.0 (police.uk)';
const GEO_SOURCE =
  'Boundaries: Office for National Statistics, Open Government Licence v3.0; contains OS data © Crown copyright and database right 2025';

const changeText = (c: Change) =>
  c.percent === null
    ? 'none the year before'
    : `${c.percent >= 0 ? 'up' : 'down'} ${one(Math.abs(c.percent))}%${c.significant ? ' (more than chance, p < 0.05)' : ' (within chance)'}`;

const periodTest = (p: { from: string; to: string } | null) => (month: string | null) =>
  p !== null && month !== null && month >= p.from && month <= p.to;
const lsoaFiguresOf = (d: AssessmentData): LsoaFigures[] =>
  d.lsoas.map((l) => ({
    code: l.code,
    population: l.population,
    imdDecile: l.imdDecile,
    count: d.byLsoa.filter((r) => r.key === l.code).reduce((a, r) => a + r.count, 0),
  }));

/** The prioritisation matrix alone: each issue's evidence scored (no maps or charts drawn). */
export function scoredIssuesOf(d: AssessmentData, lsoaFigures = lsoaFiguresOf(d)): ScoredIssue[] {
  const perception = 'unavailable' in d.perception ? null : d.perception;
  const issues = ISSUES.map((issue) => evidenceOf(issue, d, periodTest(d.period), periodTest(d.previous), lsoaFigures, perception));
  return scoreIssues(issues, d.scores);
}

export function assessmentView(d: AssessmentData) {
  const demo = d.sources.some((s) => s.force === DEMO_FORCE);
  const whole = d.populations.whole;
  const inPeriod = (month: string | null) => d.period !== null && month !== null && month >= d.period.from && month <= d.period.to;
  const inPrevious = (month: string | null) => d.previous !== null && month !== null && month >= d.previous.from && month <= d.previous.to;
  const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);
  const current = sum(d.byMonth.filter((r) => inPeriod(r.key)));
  const before = sum(d.byMonth.filter((r) => inPrevious(r.key)));
  const hasPrevious = d.byMonth.some((r) => inPrevious(r.key));
  const total = poissonChange(current, before);

  const types = [...new Set(d.byMonth.map((r) => r.type))].map((type) => {
    const change = poissonChange(
      sum(d.byMonth.filter((r) => r.type === type && inPeriod(r.key))),
      sum(d.byMonth.filter((r) => r.type === type && inPrevious(r.key))),
    );
    return { type, change, rate: ratePer1000(change.current, whole) };
  });
  types.sort((a, b) => b.change.current - a.change.current);

  const monthly = fillMonths(
    [...new Set(d.byMonth.map((r) => r.key as string))].map((month) => ({ month, count: sum(d.byMonth.filter((r) => r.key === month)) })),
  );
  const rolling = rolling12(monthly);
  const seasonal = seasonalIndex(monthly);

  const lsoaFigures = lsoaFiguresOf(d);
  const perception = 'unavailable' in d.perception ? null : d.perception;
  const wardName = (code: string) => d.populations.wards.get(code)?.name ?? code;

  const matrix = scoredIssuesOf(d, lsoaFigures);

  const source = `Source: ${demo ? 'DEMO DATA, generated (not real crime); ' : ''}${POLICE_SOURCE}. ${d.partnership.name}.`;
  const periodText = d.period ? `${monthName(d.period.from)} to ${monthName(d.period.to)}` : '';
  const wardValues = new Map<string, MapValue>();
  const wards = [...d.populations.wards].map(([code, w]) => {
    const count = sum(d.byWard.filter((r) => r.key === code));
    const rate = ratePer1000(count, w.population);
    const top = d.byWard.filter((r) => r.key === code).sort((a, b) => b.count - a.count)[0];
    if (w.onsCode) wardValues.set(w.onsCode, { value: rate, label: `${w.name}: ${one(rate)} per 1,000 residents (${n(count)} recorded)` });
    return { code, name: w.name, count, rate, rateText: one(rate), topType: top?.type ?? '' };
  });
  wards.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));

  const lsoaRates = lsoaFigures.map((l) => ratePer1000(l.count, l.population));
  const byCode = new Map(d.lsoaAreas.map((a, i) => [a.code, i]));
  const ordered = d.lsoaAreas.map((a) => lsoaRates[d.lsoas.findIndex((l) => l.code === a.code)] ?? 0);
  const z = giStar(
    ordered.map((r) => r ?? 0),
    queenNeighbours(d.lsoaAreas),
  );
  const lsoaValues = new Map<string, MapValue>();
  const hotspots = d.lsoas
    .map((l, i) => {
      const at = byCode.get(l.code);
      const gi = at === undefined ? null : (z[at] ?? null);
      const rate = lsoaRates[i] ?? null;
      lsoaValues.set(l.code, { value: rate, label: `${l.name}: ${one(rate)} per 1,000 residents` });
      return {
        code: l.code,
        name: l.name,
        ward: l.wardCode ? wardName(l.wardCode) : '',
        count: lsoaFigures[i]?.count ?? 0,
        rate,
        rateText: one(rate),
        imdDecile: l.imdDecile,
        gi,
        giText: gi === null ? '' : gi.toFixed(2),
        hot: gi !== null && gi > 1.96,
      };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1))
    .slice(0, 15);

  const chartOf = (id: string, title: string, chart: Parameters<typeof renderSvg>[0], description: string, base: string, src = source) =>
    renderSvg(chart, { id, title, description, base, source: src }, { inline: true });
  const maps = {
    ward: d.wardAreas.length
      ? chartOf(
          'map-wards',
          `Recorded crime and ASB per 1,000 residents by ward, ${periodText}`,
          choropleth(d.wardAreas, wardValues, one),
          wards.map((w) => `${w.name} ${w.rateText}`).join('; '),
          `Base: ${n(current)} records placed in the partnership's wards`,
          `${source} ${GEO_SOURCE}.`,
        )
      : null,
    lsoa: d.lsoaAreas.length
      ? chartOf(
          'map-lsoas',
          `Recorded crime and ASB per 1,000 residents by LSOA, ${periodText}`,
          choropleth(d.lsoaAreas, lsoaValues, one),
          `The highest: ${hotspots
            .slice(0, 5)
            .map((h) => `${h.name} ${h.rateText}`)
            .join('; ')}`,
          `Base: ${n(current)} records in ${d.lsoaAreas.length} LSOAs`,
          `${source} ${GEO_SOURCE}.`,
        )
      : null,
  };

  /** The interactive map's data: the same areas, colours and labels as the SVG maps. */
  const geojson = (level: 'ward' | 'lsoa') => ({
    type: 'FeatureCollection' as const,
    attribution: `${demo ? 'DEMO DATA (generated). ' : ''}police.uk, OGL v3; boundaries © ONS, OGL v3, contains OS data © Crown copyright 2025`,
    features: choroplethFeatures(level === 'ward' ? d.wardAreas : d.lsoaAreas, level === 'ward' ? wardValues : lsoaValues).features.map((f) => ({
      ...f,
      properties: { fill: f.properties.fill, label: f.properties.title },
    })),
  });

  return {
    geojson,
    title: `Strategic Assessment: ${d.partnership.name}`,
    partnership: d.partnership,
    demo,
    hasData: current > 0,
    periodText,
    sources: d.sources.map((s) => ({ ...s, text: `${s.force}: ${n(s.count)} records, ${monthName(s.first)} to ${monthName(s.last)}` })),
    summary: {
      current: n(current),
      rate: one(ratePer1000(current, whole)),
      change: hasPrevious ? changeText(total) : 'no figures for the year before',
      recommended: matrix.slice(0, 5).map((m) => m.label),
    },
    types: types.map((t) => ({
      type: t.type,
      count: n(t.change.current),
      rate: one(t.rate),
      previous: hasPrevious ? n(t.change.previous) : '',
      change: hasPrevious ? changeText(t.change) : '',
    })),
    trend: monthly.length
      ? chartOf(
          'trend',
          'Recorded crime and ASB each month',
          trendChart(monthly, rolling),
          `From ${monthName(monthly[0]?.month as string)} to ${monthName(monthly.at(-1)?.month as string)}; the latest 12 months ${n(current)}`,
          `Base: every record imported, ${n(sum(d.byMonth))}`,
        )
      : null,
    seasonal: seasonal.every((s) => s === null) ? [] : seasonal.map((s, k) => ({ month: MONTHS[k] as string, index: s === null ? '' : one(s) })),
    wards,
    maps,
    hotspots,
    outcomes: outcomeRows(d.outcomes),
    deprivation: ratesByDecile(lsoaFigures).map((r) => ({ ...r, countText: n(r.count), rateText: one(r.rate) })),
    concentration: concentration(lsoaFigures),
    perception: perceptionView(d, perception, wardName, chartOf),
    perceptionUnavailable: 'unavailable' in d.perception ? d.perception.unavailable : null,
    matrix: matrix.map(matrixRow),
  };
}

function evidenceOf(
  issue: Issue,
  d: AssessmentData,
  inPeriod: (m: string | null) => boolean,
  inPrevious: (m: string | null) => boolean,
  lsoas: readonly LsoaFigures[],
  perception: Perception | null,
): IssueEvidence {
  const mine = (r: { type: string }) => issue.crimeTypes.includes(r.type);
  const recorded =
    issue.crimeTypes.length && d.byMonth.some(mine) ? d.byMonth.filter((r) => mine(r) && inPeriod(r.key)).reduce((a, r) => a + r.count, 0) : null;
  const previous = d.byMonth.filter((r) => mine(r) && inPrevious(r.key)).reduce((a, r) => a + r.count, 0);
  const hasPrevious = d.byMonth.some((r) => mine(r) && inPrevious(r.key));
  const issueLsoas = lsoas.map((l) => ({ ...l, count: d.byLsoa.filter((r) => r.key === l.code && mine(r)).reduce((a, r) => a + r.count, 0) }));
  return {
    code: issue.code,
    label: issue.label,
    recorded,
    ratePer1000: recorded === null ? null : ratePer1000(recorded, d.populations.whole),
    change: recorded !== null && hasPrevious ? poissonChange(recorded, previous) : null,
    concernPercent: issue.concern && perception ? (perception.overall.get(issue.concern) ?? null) : null,
    deprivationRatio: recorded ? (concentration(issueLsoas)[1]?.ratio ?? null) : null,
    harm: issue.harm,
  };
}

function matrixRow(m: ScoredIssue) {
  return {
    code: m.code,
    rank: m.rank,
    label: m.label,
    harm: m.harm,
    likelihood: m.likelihood,
    capacity: m.capacity,
    concern: m.concern,
    risk: m.risk,
    score: m.score,
    rationale: m.rationale,
    explanation: `Harm ${m.harm.value} (${m.harm.why}) × likelihood ${m.likelihood.value} (${m.likelihood.why}) = risk ${m.risk}; public concern ${m.concern.value} (${m.concern.why}); capacity ${m.capacity.value} (${m.capacity.why}), a gap of ${5 - m.capacity.value}: score ${m.score}.${m.evidence.deprivationRatio ? ` ${one(m.evidence.deprivationRatio * 1)} times as concentrated in the most deprived fifth of areas as their share of residents.` : ''}`,
  };
}

function perceptionView(
  d: AssessmentData,
  perception: Perception | null,
  wardName: (code: string) => string,
  chartOf: (id: string, title: string, chart: ReturnType<typeof perceptionChart>, description: string, base: string, src?: string) => string,
) {
  if (!perception) return [];
  return ISSUES.filter((i) => i.concern && i.crimeTypes.length).flatMap((issue) => {
    const rows = [...perception.byWard].flatMap(([ward, w]) => {
      const percent = w.percents.get(issue.concern as string) ?? null;
      const population = d.populations.wards.get(ward)?.population ?? null;
      const recorded = d.byWard.filter((r) => r.key === ward && issue.crimeTypes.includes(r.type)).reduce((a, r) => a + r.count, 0);
      const rate = ratePer1000(recorded, population);
      return percent === null || rate === null ? [] : [{ ward: wardName(ward), n: w.n, percent, rate }];
    });
    if (rows.length < 3) return [];
    const rankOf = (xs: number[], x: number) => xs.filter((v) => v > x).length + 1;
    const ranked = rows.map((r) => {
      const concernRank = rankOf(
        rows.map((x) => x.percent),
        r.percent,
      );
      const recordedRank = rankOf(
        rows.map((x) => x.rate),
        r.rate,
      );
      const gap = recordedRank - concernRank;
      return {
        ...r,
        percentText: one(r.percent),
        rateText: one(r.rate),
        concernRank,
        recordedRank,
        gap,
        reading: gap >= 5 ? 'concern well above what is recorded' : gap <= -5 ? 'recorded well above the concern' : 'in step',
      };
    });
    ranked.sort((a, b) => b.gap - a.gap);
    return [
      {
        code: issue.code,
        label: issue.label,
        overall: one(perception.overall.get(issue.concern as string) ?? 0),
        rows: ranked,
        chart: chartOf(
          `perception-${issue.code}`,
          `${issue.label}: residents’ concern and recorded rate by ward`,
          perceptionChart(
            rows.map((r) => ({ ward: r.ward, concern: r.percent, rate: r.rate })),
            'recorded per 1,000 residents, last 12 months',
          ),
          ranked.map((r) => `${r.ward}: ${r.percentText}% concerned, ${r.rateText} per 1,000`).join('; '),
          `Base: ${n(perception.answered)} respondents to “${perception.consultation.title}” who answered the concerns question, by ward (wards with too few respondents left out)`,
        ),
      },
    ];
  });
}

export type AssessmentPage = ReturnType<typeof assessmentView>;

/** Each last outcome with its share of the crimes, largest first. */
function outcomeRows(outcomes: AssessmentData['outcomes']) {
  const total = outcomes.reduce((a, o) => a + o.count, 0);
  return outcomes.map((o) => ({ outcome: o.outcome, count: n(o.count), percent: one(total ? (o.count / total) * 100 : null) }));
}
