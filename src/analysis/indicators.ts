/** The crime-survey template's headline indicators: safety by day and after dark, perceived ASB, concerns, victimisation. */

import {
  asbPerceptionScore,
  compareWithBenchmark,
  estimate,
  mcnemarTest,
  pairedCounts,
  weightedMean,
  weightedProportions,
  wilsonPercentInterval,
} from '../stats/index.js';
import { ASB_ITEMS, ASB_SCORES, HIGH_PERCEIVED_ASB_THRESHOLD, SAFE_VALUES } from '../surveys/index.js';
import { type AnalysisContext, pct, statusOf, times100 } from './context.js';
import { questionResult } from './questionResults.js';
import { type ChoiceColumn, choiceColumn } from './responseTable.js';
import type { BenchmarkInput, BenchmarkResult, CrimeSurveyIndicators, PairedSafety, ProportionResult } from './types.js';

const PROBLEM_VALUES = ['very_big_problem', 'fairly_big_problem'];

/** Per respondent: true (a success value), false (another substantive answer) or null (blank, non-substantive, outside the filters). */
function successFlags(col: ChoiceColumn, ctx: AnalysisContext, successValues: readonly string[]): (boolean | null)[] {
  const success = col.options.map((o) => successValues.includes(o.value));
  const substantive = col.options.map((o) => !o.nonSubstantive);
  const out: (boolean | null)[] = new Array(col.codes.length);
  for (let i = 0; i < col.codes.length; i++) {
    const k = col.codes[i] as number;
    out[i] = ctx.mask[i] && k >= 0 && substantive[k] ? (success[k] as boolean) : null;
  }
  return out;
}

function proportionOf(flags: readonly (boolean | null)[], ctx: AnalysisContext): ProportionResult {
  let n = 0;
  let count = 0;
  for (const f of flags) {
    if (f === null) continue;
    n++;
    if (f) count++;
  }
  const status = statusOf(n, ctx);
  const hide = status === 'suppressed';
  const r: ProportionResult = {
    n,
    status,
    count: hide ? null : count,
    percent: hide ? null : pct(count, n),
    ci95: hide ? null : wilsonPercentInterval(count, n),
  };
  if (ctx.design) {
    const codes = new Int32Array(flags.length);
    for (let i = 0; i < flags.length; i++) codes[i] = flags[i] === null ? -1 : flags[i] ? 1 : 0;
    const w = !hide && n > 0 ? estimate(ctx.design, weightedProportions(codes, 2), ctx.mask)?.levels[1] : undefined;
    r.weightedPercent = w ? w.estimate * 100 : null;
    r.se = w ? w.se * 100 : null;
    r.weightedCi95 = w ? times100(w.ci95) : null;
  }
  return r;
}

function safetyPair(ctx: AnalysisContext, label: string, day: ChoiceColumn, dark: ChoiceColumn): PairedSafety {
  const d = successFlags(day, ctx, SAFE_VALUES);
  const k = successFlags(dark, ctx, SAFE_VALUES);
  const m = mcnemarTest(pairedCounts(d, k));
  const status = statusOf(m.n, ctx);
  const hide = status === 'suppressed';
  return {
    label,
    dayCode: day.column.code,
    darkCode: dark.column.code,
    day: proportionOf(d, ctx),
    dark: proportionOf(k, ctx),
    paired: {
      n: m.n,
      status,
      dayPercent: hide || m.firstProportion === null ? null : m.firstProportion * 100,
      darkPercent: hide || m.secondProportion === null ? null : m.secondProportion * 100,
      differencePoints: hide || m.difference === null ? null : m.difference * 100,
      ci95: hide ? null : times100(m.ci95),
      statistic: hide ? null : m.statistic,
      p: hide ? null : m.p,
      significant: hide || m.p === null ? null : m.p < 0.05,
    },
  };
}

function asbIndicators(ctx: AnalysisContext): CrimeSurveyIndicators['asb'] {
  const items = ASB_ITEMS.flatMap((item) => {
    const col = choiceColumn(ctx.table, item.code);
    return col
      ? [{ code: item.code, label: item.label, national: item.national as boolean, ...proportionOf(successFlags(col, ctx, PROBLEM_VALUES), ctx) }]
      : [];
  });
  const national = ASB_ITEMS.filter((i) => i.national).map((i) => choiceColumn(ctx.table, i.code));
  let score: CrimeSurveyIndicators['asb']['score'] = {
    n: 0,
    status: statusOf(0, ctx),
    mean: null,
    highThreshold: HIGH_PERCEIVED_ASB_THRESHOLD,
    highCount: null,
    highPercent: null,
    highCi95: null,
  };
  if (national.every((c) => c !== undefined)) {
    const cols = national as ChoiceColumn[];
    const rows: (string | null)[][] = [];
    const index: number[] = [];
    for (let i = 0; i < ctx.table.n; i++) {
      if (!ctx.mask[i]) continue;
      index.push(i);
      rows.push(
        cols.map((c) => {
          const k = c.codes[i] as number;
          return k >= 0 ? (c.options[k]?.value ?? null) : null;
        }),
      );
    }
    const s = asbPerceptionScore(rows, { scores: ASB_SCORES, highThreshold: HIGH_PERCEIVED_ASB_THRESHOLD });
    const status = statusOf(s.n, ctx);
    const hide = status === 'suppressed';
    score = {
      n: s.n,
      status,
      mean: hide ? null : s.meanScore,
      highThreshold: HIGH_PERCEIVED_ASB_THRESHOLD,
      highCount: hide ? null : s.highCount,
      highPercent: hide ? null : s.highPercent,
      highCi95: hide ? null : s.highCi95,
    };
    if (ctx.design) {
      const values = new Float64Array(ctx.table.n).fill(Number.NaN);
      const high = new Int32Array(ctx.table.n).fill(-1);
      index.forEach((i, r) => {
        const v = s.scores[r];
        if (v === null || v === undefined) return;
        values[i] = v;
        high[i] = v >= HIGH_PERCEIVED_ASB_THRESHOLD ? 1 : 0;
      });
      const wm = !hide && s.n > 0 ? estimate(ctx.design, weightedMean(values), ctx.mask) : null;
      const wh = !hide && s.n > 0 ? estimate(ctx.design, weightedProportions(high, 2), ctx.mask)?.levels[1] : undefined;
      score.weightedMean = wm ? wm.estimate : null;
      score.weightedHighPercent = wh ? wh.estimate * 100 : null;
      score.se = wh ? wh.se * 100 : null;
    }
  }
  const fly = items.find((i) => !i.national);
  return { items, score, flyTipping: fly ? { ...fly } : null };
}

const INDICATOR_LABELS: Record<string, string> = {
  safe_day: 'Feel very or fairly safe in the area during the day',
  safe_dark: 'Feel very or fairly safe in the area after dark',
  safe_centre_day: 'Feel very or fairly safe in the centre during the day',
  safe_centre_dark: 'Feel very or fairly safe in the centre after dark',
  asb_high: 'High level of perceived anti-social behaviour',
  victim_rate: 'Victim of crime or anti-social behaviour in the last 12 months',
  reported_share: 'Victims who reported it',
};

export { INDICATOR_LABELS };

function benchmarkResult(
  input: BenchmarkInput,
  local: ProportionResult | { n: number; count: number | null; status: string; weightedPercent?: number | null; se?: number | null } | undefined,
  weighted: boolean,
): BenchmarkResult {
  const none = {
    localPercent: null,
    benchmarkPercent: input.proportion * 100,
    differencePoints: null,
    ci95: null,
    p: null,
    distinguishable: null,
    method: null,
  };
  if (!local) return { ...input, ...none, problem: `There is no indicator "${input.indicator}" in this survey.` };
  if (local.count === null || local.n === 0) return { ...input, ...none, problem: 'The local base is too small to publish.' };
  const c =
    weighted && local.weightedPercent != null && local.se != null
      ? compareWithBenchmark(
          { proportion: local.weightedPercent / 100, se: local.se / 100 },
          { proportion: input.proportion, ...(input.n ? { n: input.n } : {}) },
        )
      : compareWithBenchmark({ successes: local.count, n: local.n }, { proportion: input.proportion, ...(input.n ? { n: input.n } : {}) });
  return {
    ...input,
    localPercent: c.local * 100,
    benchmarkPercent: c.benchmark * 100,
    differencePoints: c.difference * 100,
    ci95: times100(c.ci95),
    p: c.p,
    distinguishable: c.distinguishable,
    method: c.method,
  };
}

/** The headline measures, or null when the survey is not built on the crime-survey template. */
export function crimeSurveyIndicators(ctx: AnalysisContext, benchmarks: readonly BenchmarkInput[] = []): CrimeSurveyIndicators | null {
  const t = ctx.table;
  const [day, dark, cDay, cDark] = ['safe_day', 'safe_dark', 'safe_centre_day', 'safe_centre_dark'].map((c) => choiceColumn(t, c));
  if (!day || !dark) return null;
  const safety = [safetyPair(ctx, 'In the area', day, dark)];
  if (cDay && cDark) safety.push(safetyPair(ctx, 'In the centre', cDay, cDark));
  const asb = asbIndicators(ctx);
  const concernsCol = t.byCode.get('concerns');
  const concerns = concernsCol ? questionResult(concernsCol, ctx) : null;
  const victim = choiceColumn(t, 'victim');
  const reported = choiceColumn(t, 'victim_reported');
  const victimisation =
    victim && reported
      ? { rate: proportionOf(successFlags(victim, ctx, ['yes']), ctx), reported: proportionOf(successFlags(reported, ctx, ['yes']), ctx) }
      : null;
  const locals = new Map<
    string,
    ProportionResult | { n: number; count: number | null; status: string; weightedPercent?: number | null; se?: number | null }
  >();
  for (const s of safety) {
    locals.set(s.dayCode, s.day);
    locals.set(s.darkCode, s.dark);
  }
  for (const i of asb.items) locals.set(i.code, i);
  locals.set('asb_high', {
    n: asb.score.n,
    count: asb.score.highCount,
    status: asb.score.status,
    weightedPercent: asb.score.weightedHighPercent ?? null,
    se: asb.score.se ?? null,
  });
  if (victimisation) {
    locals.set('victim_rate', victimisation.rate);
    locals.set('reported_share', victimisation.reported);
  }
  return {
    safety,
    asb,
    topConcerns: concerns ? concerns.options : [],
    topConcernsBase: concerns ? concerns.base : null,
    victimisation,
    benchmarks: benchmarks.map((b) => benchmarkResult(b, locals.get(b.indicator), ctx.design !== null)),
  };
}
