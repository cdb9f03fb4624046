/** Results for every export column (question or grid row): counts, percentages, intervals, weighted estimates. */

import { estimate, type WeightedProportions, weightedProportions, wilsonPercentInterval } from '../stats/index.js';
import type { SurveyOption } from '../surveys/index.js';
import { type AnalysisContext, baseDescription, pct, statusOf, times100 } from './context.js';
import { codeCounts } from './counting.js';
import type { AnsweredColumn, ChoiceColumn, ListColumn, NumberColumn, TableColumn } from './responseTable.js';
import type { BaseInfo, OptionResult, QuestionResult } from './types.js';

function shell(col: TableColumn): Pick<QuestionResult, 'code' | 'label' | 'type' | 'grid'> {
  const c = col.column;
  return {
    code: c.code,
    label: c.label,
    type: c.type,
    ...(c.row ? { grid: { code: c.question.code, label: c.question.label, rowLabel: c.row.label } } : {}),
  };
}

function baseInfo(n: number, description: string, ctx: AnalysisContext, w?: WeightedProportions | null): BaseInfo {
  const status = statusOf(n, ctx);
  const info: BaseInfo = { n, description, status, small: status === 'small', suppressed: status === 'suppressed' };
  if (ctx.design) {
    const first = w?.levels[0];
    const hide = status === 'suppressed' || !w;
    info.weightedN = hide ? null : w.weightedBase;
    info.designEffect = hide || !first ? null : first.deffReplace;
    info.effectiveSampleSize = hide || !first ? null : first.effectiveSampleSize;
  }
  return info;
}

/** An option row with the figures blanked when its base is suppressed. */
export function optionRow(
  o: SurveyOption,
  count: number,
  base: number,
  suppressed: boolean,
  w?: { weightedCount: number; estimate: number; se: number; ci95: [number, number] } | null,
  weighted = false,
): OptionResult {
  const row: OptionResult = suppressed
    ? { value: o.value, label: o.label, count: null, percent: null, ci95: null }
    : { value: o.value, label: o.label, count, percent: pct(count, base), ci95: wilsonPercentInterval(count, base) };
  if (weighted) {
    const hide = suppressed || !w;
    row.weightedCount = hide ? null : w.weightedCount;
    row.weightedPercent = hide ? null : w.estimate * 100;
    row.se = hide ? null : w.se * 100;
    row.weightedCi95 = hide ? null : times100(w.ci95);
  }
  return row;
}

function choiceResult(col: ChoiceColumn, ctx: AnalysisContext): QuestionResult {
  const { codes, options } = col;
  const tally = codeCounts(ctx.members, codes, options.length);
  const counts = tally.subarray(2);
  const blank = tally[1] as number;
  const unexpected = tally[0] as number;
  const substantive = options.map((o, k) => ({ o, k })).filter((x) => !x.o.nonSubstantive);
  const nonSub = options.map((o, k) => ({ o, k })).filter((x) => x.o.nonSubstantive);
  const base = substantive.reduce((s, x) => s + (counts[x.k] as number), 0);
  const answered = ctx.n - blank;
  let w: WeightedProportions | null = null;
  if (ctx.design) {
    const position = new Int32Array(options.length).fill(-1);
    substantive.forEach((x, j) => {
      position[x.k] = j;
    });
    const sub = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const k = codes[i] as number;
      sub[i] = k >= 0 ? (position[k] as number) : -1;
    }
    w = base > 0 && substantive.length > 0 ? estimate(ctx.design, weightedProportions(sub, substantive.length), ctx.mask) : null;
  }
  const status = statusOf(base, ctx);
  const answeredSuppressed = statusOf(answered, ctx) === 'suppressed';
  const weighted = ctx.design !== null;
  return {
    ...shell(col),
    base: baseInfo(
      base,
      baseDescription(
        base,
        nonSub.map((x) => x.o.label),
        'all who answered',
        ctx.n < ctx.table.n,
      ),
      ctx,
      w,
    ),
    answered,
    notAnswered: blank,
    options: substantive.map((x, j) => optionRow(x.o, counts[x.k] as number, base, status === 'suppressed', w?.levels[j], weighted)),
    nonSubstantive: nonSub.map((x) => optionRow(x.o, counts[x.k] as number, answered, answeredSuppressed)),
    ...(unexpected > 0 ? { note: `${unexpected} answers were not among the options and are left out.` } : {}),
  };
}

function multipleChoiceResult(col: ListColumn, ctx: AnalysisContext): QuestionResult {
  const { starts, items, options } = col;
  const n = starts.length - 1;
  const counts = new Float64Array(options.length);
  const isNonSub = new Uint8Array(options.length);
  options.forEach((o, k) => {
    if (o.nonSubstantive) isNonSub[k] = 1;
  });
  let base = 0;
  let answered = 0;
  const inBase = new Uint8Array(n);
  for (let m = 0; m < ctx.members.length; m++) {
    const i = ctx.members[m] as number;
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    if (from === to) continue;
    answered++;
    let any = false;
    for (let j = from; j < to; j++) {
      const k = items[j] as number;
      counts[k] = (counts[k] as number) + 1;
      if (!isNonSub[k]) any = true;
    }
    if (any) {
      base++;
      inBase[i] = 1;
    }
  }
  const status = statusOf(base, ctx);
  const weighted = ctx.design !== null;
  const substantive = options.map((o, k) => ({ o, k })).filter((x) => !x.o.nonSubstantive);
  const ranked = substantive.sort((x, y) => (counts[y.k] as number) - (counts[x.k] as number) || x.k - y.k);
  let first: WeightedProportions | null = null;
  const rows = ranked.map((x) => {
    let wl = null;
    if (ctx.design && base > 0) {
      const codes = new Int32Array(n).fill(-1);
      for (let i = 0; i < n; i++) if (inBase[i]) codes[i] = items.subarray(starts[i], starts[i + 1]).includes(x.k) ? 1 : 0;
      const wp = estimate(ctx.design, weightedProportions(codes, 2), ctx.mask);
      first ??= wp;
      const lv = wp?.levels[1];
      wl = lv ? { weightedCount: lv.weightedCount, estimate: lv.estimate, se: lv.se, ci95: lv.ci95 } : null;
    }
    return optionRow(x.o, counts[x.k] as number, base, status === 'suppressed', wl, weighted);
  });
  const nonSub = options.map((o, k) => ({ o, k })).filter((x) => x.o.nonSubstantive);
  const description = baseDescription(
    base,
    nonSub.map((x) => x.o.label),
    'all who chose at least one option',
    ctx.n < ctx.table.n,
  );
  const info = baseInfo(base, description, ctx, first);
  if (info.designEffect !== undefined) {
    info.designEffect = null;
    info.effectiveSampleSize = null;
  }
  return {
    ...shell(col),
    base: info,
    answered,
    notAnswered: ctx.n - answered,
    options: rows,
    nonSubstantive: nonSub.map((x) => optionRow(x.o, counts[x.k] as number, answered, statusOf(answered, ctx) === 'suppressed')),
    note: 'Percent of respondents choosing each option (not of ticks), ranked; they can choose more than one, so percentages add up to more than 100.',
  };
}

function rankingResult(col: ListColumn, ctx: AnalysisContext): QuestionResult {
  const { starts, items, options } = col;
  const sum = new Float64Array(options.length);
  const by = new Float64Array(options.length);
  const first = new Float64Array(options.length);
  let base = 0;
  for (let m = 0; m < ctx.members.length; m++) {
    const i = ctx.members[m] as number;
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    if (from === to) continue;
    base++;
    for (let j = from; j < to; j++) {
      const k = items[j] as number;
      sum[k] = (sum[k] as number) + (j - from) + 1;
      by[k] = (by[k] as number) + 1;
    }
    const top = items[from] as number;
    first[top] = (first[top] as number) + 1;
  }
  const status = statusOf(base, ctx);
  const suppressed = status === 'suppressed';
  const rows = options
    .map((o, k) => {
      const row = optionRow(o, first[k] as number, base, suppressed);
      row.rankedBy = suppressed ? null : (by[k] as number);
      row.meanRank = suppressed || !by[k] ? null : (sum[k] as number) / (by[k] as number);
      return { k, row, mean: by[k] ? (sum[k] as number) / (by[k] as number) : Infinity };
    })
    .sort((x, y) => x.mean - y.mean || x.k - y.k)
    .map((x) => x.row);
  return {
    ...shell(col),
    base: baseInfo(base, baseDescription(base, [], 'all who ranked at least one option', ctx.n < ctx.table.n), ctx),
    answered: base,
    notAnswered: ctx.n - base,
    options: rows,
    nonSubstantive: [],
    note: 'Ordered by mean rank (1 = first, among those who ranked the option); count and percent are of respondents ranking it first. Unweighted.',
  };
}

function numberResult(col: NumberColumn, ctx: AnalysisContext): QuestionResult {
  let n = 0;
  let sum = 0;
  for (let m = 0; m < ctx.members.length; m++) {
    const v = col.values[ctx.members[m] as number] as number;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  const info = baseInfo(n, baseDescription(n, [], 'all who answered', ctx.n < ctx.table.n), ctx);
  return {
    ...shell(col),
    base: info,
    answered: n,
    notAnswered: ctx.n - n,
    options: [],
    nonSubstantive: [],
    mean: info.suppressed || n === 0 ? null : sum / n,
  };
}

function answeredResult(col: AnsweredColumn, ctx: AnalysisContext): QuestionResult {
  let n = 0;
  for (let m = 0; m < ctx.members.length; m++) n += col.answered[ctx.members[m] as number] as number;
  const info = baseInfo(n, baseDescription(n, [], 'all who answered', ctx.n < ctx.table.n), ctx);
  const note =
    col.column.type === 'postcode'
      ? 'Postcode sectors: count answered only.'
      : col.column.type === 'date'
        ? 'Dates: count answered only.'
        : 'Free text: count answered only (coding the text is a separate step).';
  return { ...shell(col), base: info, answered: n, notAnswered: ctx.n - n, options: [], nonSubstantive: [], note };
}

export function questionResult(col: TableColumn, ctx: AnalysisContext): QuestionResult {
  switch (col.kind) {
    case 'choice':
      return choiceResult(col, ctx);
    case 'list':
      return col.column.type === 'ranking' ? rankingResult(col, ctx) : multipleChoiceResult(col, ctx);
    case 'number':
      return numberResult(col, ctx);
    default:
      return answeredResult(col, ctx);
  }
}
