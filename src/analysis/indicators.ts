/**
 * The headline indicators of a survey whose template declares an indicator set (surveys' IndicatorSet): safety by day
 * and after dark, perceived ASB, top concerns, victimisation, and comparisons with benchmarks.
 */

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
import type { IndicatorSet, SafetyPair } from '../surveys/index.js';
import { type AnalysisContext, pct, statusOf, times100 } from './context.js';
import { questionResult } from './questionResults.js';
import { type ChoiceColumn, choiceColumn } from './responseTable.js';
import type { BenchmarkInput, BenchmarkResult, CrimeSurveyIndicators, PairedSafety, ProportionResult } from './types.js';

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

function safetyPair(ctx: AnalysisContext, set: IndicatorSet, label: string, day: ChoiceColumn, dark: ChoiceColumn): PairedSafety {
  const d = successFlags(day, ctx, set.safeValues);
  const k = successFlags(dark, ctx, set.safeValues);
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

function asbIndicators(ctx: AnalysisContext, asb: IndicatorSet['asb']): CrimeSurveyIndicators['asb'] {
  const { highThreshold } = asb;
  const items = asb.items.flatMap((item) => {
    const col = choiceColumn(ctx.table, item.code);
    return col
      ? [{ code: item.code, label: item.label, national: item.national, ...proportionOf(successFlags(col, ctx, asb.problemValues), ctx) }]
      : [];
  });
  const national = asb.items.filter((i) => i.national).map((i) => choiceColumn(ctx.table, i.code));
  let score: CrimeSurveyIndicators['asb']['score'] = {
    n: 0,
    status: statusOf(0, ctx),
    mean: null,
    highThreshold,
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
    const s = asbPerceptionScore(rows, { scores: asb.scores, highThreshold, items: national.length });
    const status = statusOf(s.n, ctx);
    const hide = status === 'suppressed';
    score = {
      n: s.n,
      status,
      mean: hide ? null : s.meanScore,
      highThreshold,
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
        high[i] = v >= highThreshold ? 1 : 0;
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

/** Each safety pair the survey asks both rows of, as day and after dark side by side. */
function safetyPairs(ctx: AnalysisContext, set: IndicatorSet): PairedSafety[] {
  return set.safety.flatMap((pair: SafetyPair) => {
    const day = choiceColumn(ctx.table, pair.day);
    const dark = choiceColumn(ctx.table, pair.dark);
    return day && dark ? [safetyPair(ctx, set, pair.label, day, dark)] : [];
  });
}

/**
 * The headline measures, or null when the survey's template has no indicator set or the survey does not ask its
 * first safety pair (safety by day and after dark in the area).
 */
export function headlineIndicators(ctx: AnalysisContext, benchmarks: readonly BenchmarkInput[] = []): CrimeSurveyIndicators | null {
  const set = ctx.indicators;
  const t = ctx.table;
  const first = set?.safety[0];
  if (!set || !first || !choiceColumn(t, first.day) || !choiceColumn(t, first.dark)) return null;
  const safety = safetyPairs(ctx, set);
  const asb = asbIndicators(ctx, set.asb);
  const concernsCol = t.byCode.get(set.concerns);
  const concerns = concernsCol ? questionResult(concernsCol, ctx) : null;
  const { yesValues } = set.victimisation;
  const victim = choiceColumn(t, set.victimisation.victim);
  const reported = choiceColumn(t, set.victimisation.reported);
  const victimisation =
    victim && reported
      ? { rate: proportionOf(successFlags(victim, ctx, yesValues), ctx), reported: proportionOf(successFlags(reported, ctx, yesValues), ctx) }
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
