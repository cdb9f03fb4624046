/**
 * The headline indicators of a survey whose template declares an indicator set (surveys' IndicatorSet): safety by day
 * and after dark, perceived ASB, top concerns, victimisation, and comparisons with benchmarks.
 */

import {
  compareWithBenchmark,
  estimate,
  mcnemarTest,
  type PairedCounts,
  weightedMean,
  weightedProportions,
  wilsonPercentInterval,
} from '../stats/index.js';
import type { IndicatorSet, SafetyPair } from '../surveys/index.js';
import { type AnalysisContext, pct, statusOf, times100 } from './context.js';
import { codeCounts, countCodes } from './counting.js';
import { questionResult } from './questionResults.js';
import { type ChoiceColumn, choiceColumn } from './responseTable.js';
import type { BenchmarkInput, BenchmarkResult, CrimeSurveyIndicators, PairedSafety, ProportionResult } from './types.js';

/** Per option code + 2 (codes start at UNEXPECTED = -2): 1 a success value, 0 another substantive answer, -1 neither. */
function flagsByCode(col: ChoiceColumn, successValues: readonly string[]): Int8Array {
  const flagOf = new Int8Array(col.options.length + 2).fill(-1);
  col.options.forEach((o, k) => {
    if (!o.nonSubstantive) flagOf[k + 2] = successValues.includes(o.value) ? 1 : 0;
  });
  return flagOf;
}

/** Per respondent, for the weighted estimates: 1, 0 or -1 (as flagsByCode, and -1 outside the filters). */
function successFlags(col: ChoiceColumn, ctx: AnalysisContext, flagOf: Int8Array): Int8Array {
  const { codes } = col;
  const out = new Int8Array(codes.length).fill(-1);
  for (let m = 0; m < ctx.members.length; m++) {
    const i = ctx.members[m] as number;
    out[i] = flagOf[(codes[i] as number) + 2] as number;
  }
  return out;
}

/** McNemar's a, b, c, d (stats' pairedCounts) from the two columns' joint counts. */
function pairedSuccessCounts(
  ctx: AnalysisContext,
  first: ChoiceColumn,
  firstFlags: Int8Array,
  second: ChoiceColumn,
  secondFlags: Int8Array,
): PairedCounts {
  const width = second.options.length + 2;
  const joint = countCodes(ctx.members, first.codes, first.options.length, { codes: second.codes, size: second.options.length });
  const k = { a: 0, b: 0, c: 0, d: 0 };
  for (let r = 0; r < firstFlags.length; r++) {
    for (let c = 0; c < width; c++) {
      const x = firstFlags[r] as number;
      const y = secondFlags[c] as number;
      const n = joint[r * width + c] as number;
      if (x < 0 || y < 0 || n === 0) continue;
      if (x && y) k.a += n;
      else if (x) k.b += n;
      else if (y) k.c += n;
      else k.d += n;
    }
  }
  return k;
}

function proportionOf(col: ChoiceColumn, ctx: AnalysisContext, successValues: readonly string[]): ProportionResult {
  const flagOf = flagsByCode(col, successValues);
  const tally = codeCounts(ctx.members, col.codes, col.options.length);
  let n = 0;
  let count = 0;
  for (let k = 0; k < flagOf.length; k++) {
    if ((flagOf[k] as number) < 0) continue;
    n += tally[k] as number;
    if (flagOf[k]) count += tally[k] as number;
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
    const w = !hide && n > 0 ? estimate(ctx.design, weightedProportions(successFlags(col, ctx, flagOf), 2), ctx.mask)?.levels[1] : undefined;
    r.weightedPercent = w ? w.estimate * 100 : null;
    r.se = w ? w.se * 100 : null;
    r.weightedCi95 = w ? times100(w.ci95) : null;
  }
  return r;
}

function safetyPair(ctx: AnalysisContext, set: IndicatorSet, label: string, day: ChoiceColumn, dark: ChoiceColumn): PairedSafety {
  const m = mcnemarTest(pairedSuccessCounts(ctx, day, flagsByCode(day, set.safeValues), dark, flagsByCode(dark, set.safeValues)));
  const status = statusOf(m.n, ctx);
  const hide = status === 'suppressed';
  return {
    label,
    dayCode: day.column.code,
    darkCode: dark.column.code,
    day: proportionOf(day, ctx, set.safeValues),
    dark: proportionOf(dark, ctx, set.safeValues),
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

/**
 * The perceived-ASB score (as stats' asbPerceptionScore: the national items scored and summed, for respondents
 * answering all of them with a scored answer) over codes, without a row of strings per respondent.
 * scores: NaN for no score (or outside the filters).
 */
function perceivedAsbScores(cols: ChoiceColumn[], ctx: AnalysisContext, asb: IndicatorSet['asb']) {
  // Summed a column at a time (each respondent's points in item order); NaN for an answer that scores nothing.
  const members = ctx.members;
  const sums = new Float64Array(members.length);
  for (const col of cols) {
    const points = Float64Array.from([Number.NaN, Number.NaN, ...col.options.map((o) => asb.scores[o.value] ?? Number.NaN)]);
    for (let m = 0; m < members.length; m++) sums[m] = (sums[m] as number) + (points[(col.codes[members[m] as number] as number) + 2] as number);
  }
  const scores = new Float64Array(ctx.table.n).fill(Number.NaN);
  let n = 0;
  let sum = 0;
  let high = 0;
  for (let m = 0; m < members.length; m++) {
    const v = sums[m] as number;
    if (Number.isNaN(v)) continue;
    scores[members[m] as number] = v;
    n++;
    sum += v;
    if (v >= asb.highThreshold) high++;
  }
  return { scores, n, sum, high };
}

function asbIndicators(ctx: AnalysisContext, asb: IndicatorSet['asb']): CrimeSurveyIndicators['asb'] {
  const { highThreshold } = asb;
  const items = asb.items.flatMap((item) => {
    const col = choiceColumn(ctx.table, item.code);
    return col ? [{ code: item.code, label: item.label, national: item.national, ...proportionOf(col, ctx, asb.problemValues) }] : [];
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
    const s = perceivedAsbScores(national as ChoiceColumn[], ctx, asb);
    const status = statusOf(s.n, ctx);
    const hide = status === 'suppressed';
    score = {
      n: s.n,
      status,
      mean: hide || s.n === 0 ? null : s.sum / s.n,
      highThreshold,
      highCount: hide ? null : s.high,
      highPercent: hide || s.n === 0 ? null : (s.high / s.n) * 100,
      highCi95: hide ? null : wilsonPercentInterval(s.high, s.n),
    };
    if (ctx.design) {
      const high = new Int8Array(ctx.table.n);
      for (let i = 0; i < high.length; i++) {
        const v = s.scores[i] as number;
        high[i] = Number.isNaN(v) ? -1 : v >= highThreshold ? 1 : 0;
      }
      const wm = !hide && s.n > 0 ? estimate(ctx.design, weightedMean(s.scores), ctx.mask) : null;
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
  const victimisation = victim && reported ? { rate: proportionOf(victim, ctx, yesValues), reported: proportionOf(reported, ctx, yesValues) } : null;
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
