/** The crime-survey template's headline indicators: safety by day and after dark, perceived ASB, concerns, victimisation. */

import { compareWithBenchmark, mcnemarTest, type PairedCounts, weightedMean, weightedProportions, wilsonPercentInterval } from '../stats/index.js';
import { ASB_ITEMS, ASB_SCORES, HIGH_PERCEIVED_ASB_THRESHOLD, SAFE_VALUES } from '../surveys/index.js';
import { type AnalysisContext, pct, statusOf, times100 } from './context.js';
import { codeCounts, countCodes } from './counting.js';
import { questionResult } from './questionResults.js';
import { type ChoiceColumn, choiceColumn } from './responseTable.js';
import type { BenchmarkInput, BenchmarkResult, CrimeSurveyIndicators, PairedSafety, ProportionResult } from './types.js';

const PROBLEM_VALUES = ['very_big_problem', 'fairly_big_problem'];

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
    const w = !hide && n > 0 ? weightedProportions(ctx.design, successFlags(col, ctx, flagOf), 2, ctx.mask)?.levels[1] : undefined;
    r.weightedPercent = w ? w.estimate * 100 : null;
    r.se = w ? w.se * 100 : null;
    r.weightedCi95 = w ? times100(w.ci95) : null;
  }
  return r;
}

function safetyPair(ctx: AnalysisContext, label: string, day: ChoiceColumn, dark: ChoiceColumn): PairedSafety {
  const m = mcnemarTest(pairedSuccessCounts(ctx, day, flagsByCode(day, SAFE_VALUES), dark, flagsByCode(dark, SAFE_VALUES)));
  const status = statusOf(m.n, ctx);
  const hide = status === 'suppressed';
  return {
    label,
    dayCode: day.column.code,
    darkCode: dark.column.code,
    day: proportionOf(day, ctx, SAFE_VALUES),
    dark: proportionOf(dark, ctx, SAFE_VALUES),
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
 * The perceived-ASB score (stats' asbPerceptionScore: the seven national items scored by ASB_SCORES and summed,
 * for respondents answering all seven with a scored answer) over codes, without a row of strings per respondent.
 * scores: NaN for no score (or outside the filters).
 */
function perceivedAsbScores(cols: ChoiceColumn[], ctx: AnalysisContext): { scores: Float64Array; n: number; sum: number; high: number } {
  // Summed a column at a time (each respondent's points in item order); NaN for an answer that scores nothing.
  const members = ctx.members;
  const sums = new Float64Array(members.length);
  for (const col of cols) {
    const points = Float64Array.from([Number.NaN, Number.NaN, ...col.options.map((o) => ASB_SCORES[o.value] ?? Number.NaN)]);
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
    if (v >= HIGH_PERCEIVED_ASB_THRESHOLD) high++;
  }
  return { scores, n, sum, high };
}

function asbIndicators(ctx: AnalysisContext): CrimeSurveyIndicators['asb'] {
  const items = ASB_ITEMS.flatMap((item) => {
    const col = choiceColumn(ctx.table, item.code);
    return col ? [{ code: item.code, label: item.label, national: item.national as boolean, ...proportionOf(col, ctx, PROBLEM_VALUES) }] : [];
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
    const s = perceivedAsbScores(national as ChoiceColumn[], ctx);
    const status = statusOf(s.n, ctx);
    const hide = status === 'suppressed';
    score = {
      n: s.n,
      status,
      mean: hide || s.n === 0 ? null : s.sum / s.n,
      highThreshold: HIGH_PERCEIVED_ASB_THRESHOLD,
      highCount: hide ? null : s.high,
      highPercent: hide || s.n === 0 ? null : (s.high / s.n) * 100,
      highCi95: hide ? null : wilsonPercentInterval(s.high, s.n),
    };
    if (ctx.design) {
      const high = new Int8Array(ctx.table.n);
      for (let i = 0; i < high.length; i++) {
        const v = s.scores[i] as number;
        high[i] = Number.isNaN(v) ? -1 : v >= HIGH_PERCEIVED_ASB_THRESHOLD ? 1 : 0;
      }
      const wm = !hide && s.n > 0 ? weightedMean(ctx.design, s.scores, ctx.mask) : null;
      const wh = !hide && s.n > 0 ? weightedProportions(ctx.design, high, 2, ctx.mask)?.levels[1] : undefined;
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
  const victimisation = victim && reported ? { rate: proportionOf(victim, ctx, ['yes']), reported: proportionOf(reported, ctx, ['yes']) } : null;
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
