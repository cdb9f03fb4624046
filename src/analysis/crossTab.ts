/**
 * Cross-tabs: a question by a breakdown (ward, age band, sex, the template's own such as ethnic group, channel) with column
 * percentages, a chi-square test of independence (Pearson unweighted, Rao-Scott weighted) and the small-base
 * rules: columns under the threshold show no figures and are left out of the test; a table with no publishable
 * column says it is too small to publish.
 */

import { type BaseStatus, byGroup, pearsonChiSquare, raoScottChiSquare, weightedProportions, wilsonPercentInterval } from '../stats/index.js';
import type { BreakdownDefinition, IndicatorSet } from '../surveys/index.js';
import { AnalysisInputError } from './analysisInputError.js';
import { type AnalysisContext, pct, statusOf } from './context.js';
import { crossTabCells, type Grouping, listCrossTabCells } from './crossTabCells.js';
import { type ChoiceColumn, choiceColumn, type ListColumn, type ResponseTable, recode } from './responseTable.js';

/** Breakdowns any survey offers when it asks the question; a template's own come between these and channel. */
const COMMON_BREAKDOWNS: readonly BreakdownDefinition[] = [
  { code: 'ward', label: 'Ward', question: 'ward' },
  { code: 'area_ward', label: 'Ward (given, or from postcode)', question: 'area_ward' },
  { code: 'deprivation_quintile', label: 'Deprivation quintile (from postcode)', question: 'deprivation_quintile' },
  { code: 'age_band', label: 'Age band', question: 'age_band' },
  { code: 'sex', label: 'Sex', question: 'sex' },
];
const CHANNEL_BREAKDOWN: BreakdownDefinition = { code: 'channel', label: 'Channel', question: 'channel' };

export interface Breakdown {
  code: string;
  label: string;
  levels: { value: string; label: string }[];
  /** Level per respondent; -1 when unknown (blank, prefer not to say). */
  codes: Int32Array;
}

const breakdowns = new WeakMap<ResponseTable, Map<BreakdownDefinition, Breakdown | undefined>>();

/** The breakdowns the survey asks the questions for, in display order: ward, age band, sex, the template's own, channel. */
export function availableBreakdowns(table: ResponseTable, indicators: IndicatorSet | undefined): Breakdown[] {
  return [...COMMON_BREAKDOWNS, ...(indicators?.breakdowns ?? []), CHANNEL_BREAKDOWN].flatMap((d) => breakdownOf(table, d) ?? []);
}

/** The breakdown's levels and each respondent's level, or undefined when the survey does not offer it. */
export function breakdownFor(table: ResponseTable, code: string, indicators: IndicatorSet | undefined): Breakdown | undefined {
  return availableBreakdowns(table, indicators).find((b) => b.code === code);
}

/** Cached per table: the same breakdown serves every cross-tab of an analysis. */
function breakdownOf(table: ResponseTable, definition: BreakdownDefinition): Breakdown | undefined {
  let cache = breakdowns.get(table);
  if (!cache) {
    cache = new Map();
    breakdowns.set(table, cache);
  }
  if (!cache.has(definition)) cache.set(definition, computeBreakdown(table, definition));
  return cache.get(definition);
}

function computeBreakdown(table: ResponseTable, definition: BreakdownDefinition): Breakdown | undefined {
  const { code, label, groups } = definition;
  const col = choiceColumn(table, definition.question);
  if (!col) return undefined;
  if (groups) {
    const groupOf = col.options.map((o) => groups.levels.findIndex((g) => g.value === groups.groupOf[o.value]));
    return { code, label, levels: [...groups.levels], codes: recode(col.codes, groupOf) };
  }
  const levels = col.options.map((o, k) => ({ o, k })).filter((x) => !x.o.nonSubstantive);
  const position = new Int32Array(col.options.length).fill(-1);
  levels.forEach((x, j) => {
    position[x.k] = j;
  });
  return { code, label, levels: levels.map((x) => ({ value: x.o.value, label: x.o.label })), codes: recode(col.codes, position) };
}

export interface CrossTabCell {
  count: number;
  /** Column percent, 0-100. */
  percent: number | null;
  ci95: [number, number] | null;
  weightedPercent?: number | null;
  se?: number | null;
}

export interface CrossTabColumn {
  value: string;
  label: string;
  n: number;
  status: BaseStatus;
  weightedN?: number | null;
}

export interface CrossTab {
  question: { code: string; label: string; type: string };
  breakdown: { code: string; label: string };
  columns: CrossTabColumn[];
  rows: { value: string; label: string; cells: (CrossTabCell | null)[] }[];
  /** Every column is under the suppression threshold: nothing may be shown. */
  tooSmall: boolean;
  message: string | null;
  test:
    | { method: 'pearson'; statistic: number; df: number; p: number; minExpected: number; cellsExpectedBelow5: number; lowExpectedWarning: boolean }
    | {
        method: 'rao-scott';
        statistic: number;
        ndf: number | null;
        ddf: number | null;
        p: number;
        pearson: number;
        meanDesignEffect: number;
        lowExpectedWarning: boolean;
      }
    | null;
  testNote: string | null;
}

interface RowVariable {
  /** The substantive options, in order: the cross-tab's rows. */
  levels: { value: string; label: string }[];
  /** Per option code, its row (-1 for a non-substantive option). */
  levelOf: Int32Array;
  /** Per respondent, the row (-1 for none), for the weighted estimates. */
  codes(): Int32Array;
}

const rowVariables = new WeakMap<ChoiceColumn, RowVariable>();
/** The rows of a single-choice question's cross-tabs (cached per column). */
function rowVariable(col: ChoiceColumn): RowVariable {
  let v = rowVariables.get(col);
  if (!v) {
    const levels = col.options.map((o, k) => ({ o, k })).filter((x) => !x.o.nonSubstantive);
    const levelOf = new Int32Array(col.options.length).fill(-1);
    levels.forEach((x, j) => {
      levelOf[x.k] = j;
    });
    let codes: Int32Array | undefined;
    v = { levels: levels.map((x) => ({ value: x.o.value, label: x.o.label })), levelOf, codes: () => (codes ??= recode(col.codes, levelOf)) };
    rowVariables.set(col, v);
  }
  return v;
}

export function crossTab(ctx: AnalysisContext, questionCode: string, breakdownCode: string): CrossTab {
  const { table } = ctx;
  const qcol = questionCode === 'channel' ? table.channel : table.byCode.get(questionCode);
  if (!qcol || (qcol.kind !== 'choice' && !(qcol.kind === 'list' && qcol.column.type === 'multiple_choice'))) {
    throw new AnalysisInputError(
      'xq',
      `"${questionCode}" cannot be cross-tabulated: choose a single choice, multiple choice or rating grid question`,
    );
  }
  const bd = breakdownFor(table, breakdownCode, ctx.indicators);
  if (!bd) throw new AnalysisInputError('by', `"${breakdownCode}" is not a breakdown this survey supports`);
  const G = bd.levels.length;
  const shell = {
    question: { code: qcol.column.code, label: qcol.column.label, type: qcol.column.type },
    breakdown: { code: bd.code, label: bd.label },
  };
  return qcol.kind === 'choice' ? singleChoiceCrossTab(ctx, shell, qcol, bd, G) : multipleChoiceCrossTab(ctx, shell, qcol, bd, G);
}

type Shell = Pick<CrossTab, 'question' | 'breakdown'>;

const groups = new WeakMap<Uint8Array, Map<string, Int32Array>>();
/** Each respondent's group, -1 outside the filters (cached per filter mask). */
function groupWithinFilters(ctx: AnalysisContext, bd: Breakdown): Int32Array {
  let cache = groups.get(ctx.mask);
  if (!cache) {
    cache = new Map();
    groups.set(ctx.mask, cache);
  }
  let group = cache.get(bd.code);
  if (!group) {
    group = new Int32Array(ctx.table.n).fill(-1);
    for (let m = 0; m < ctx.members.length; m++) {
      const i = ctx.members[m] as number;
      group[i] = bd.codes[i] as number;
    }
    cache.set(bd.code, group);
  }
  return group;
}

function finishColumns(
  ctx: AnalysisContext,
  bd: Breakdown,
  bases: Float64Array,
): { columns: CrossTabColumn[]; publish: boolean[]; tooSmall: boolean } {
  const columns = bd.levels.map((l, g) => ({ value: l.value, label: l.label, n: bases[g] as number, status: statusOf(bases[g] as number, ctx) }));
  const publish = columns.map((c) => c.status !== 'suppressed');
  return { columns, publish, tooSmall: !publish.some(Boolean) };
}

const TOO_SMALL = 'Too small to publish: every group has fewer respondents than the suppression threshold.';

const tableGroupings = new WeakMap<ResponseTable, { codes: string[]; groupings: Grouping[] }>();
/** Every breakdown the survey supports, as counted (the same array for every cross-tab of a table). */
function groupingsOf(table: ResponseTable, indicators: IndicatorSet | undefined): { codes: string[]; groupings: Grouping[] } {
  let found = tableGroupings.get(table);
  if (!found) {
    const present = availableBreakdowns(table, indicators);
    found = { codes: present.map((b) => b.code), groupings: present.map((b) => ({ codes: b.codes, size: b.levels.length })) };
    tableGroupings.set(table, found);
  }
  return found;
}

function singleChoiceCrossTab(ctx: AnalysisContext, shell: Shell, qcol: ChoiceColumn, bd: Breakdown, G: number): CrossTab {
  const row = rowVariable(qcol);
  const L = row.levels.length;
  const { codes, groupings } = groupingsOf(ctx.table, ctx.indicators);
  const flat = crossTabCells(ctx.members, qcol.codes, row.levelOf, L, groupings, codes.indexOf(bd.code));
  const group = () => groupWithinFilters(ctx, bd);
  const counts = Array.from({ length: L }, (_, r) => flat.subarray(r * G, (r + 1) * G));
  const bases = new Float64Array(G);
  for (const c of counts) for (let g = 0; g < G; g++) bases[g] = (bases[g] as number) + (c[g] as number);
  const { columns, publish, tooSmall } = finishColumns(ctx, bd, bases);
  const weighted = ctx.design ? byGroup(ctx.design, { codes: group(), size: G }, weightedProportions(row.codes(), L)) : null;
  if (weighted) {
    columns.forEach((c, g) => {
      c.weightedN = publish[g] ? (weighted[g]?.weightedBase ?? null) : null;
    });
  }
  const rows = row.levels.map((l, r) => ({
    ...l,
    cells: columns.map((c, g): CrossTabCell | null => {
      if (!publish[g]) return null;
      const count = (counts[r] as Float64Array)[g] as number;
      const cell: CrossTabCell = { count, percent: pct(count, c.n), ci95: wilsonPercentInterval(count, c.n) };
      if (weighted) {
        const lv = weighted[g]?.levels[r];
        cell.weightedPercent = lv ? lv.estimate * 100 : null;
        cell.se = lv ? lv.se * 100 : null;
      }
      return cell;
    }),
  }));
  let test: CrossTab['test'] = null;
  let testNote: string | null = null;
  const pubCols = columns.map((_, g) => g).filter((g) => publish[g] && (bases[g] as number) > 0);
  if (!tooSmall) {
    const sub = row.levels.map((_, r) => pubCols.map((g) => (counts[r] as Float64Array)[g] as number));
    const pearson = pearsonChiSquare(sub);
    if (!pearson) testNote = 'No test: fewer than two groups or answers with respondents.';
    else if (ctx.design) {
      const groupPub = recode(
        group(),
        publish.map((p, g) => (p ? g : -1)),
      );
      try {
        const rs = raoScottChiSquare(ctx.design, row.codes(), L, groupPub, G);
        test = {
          method: 'rao-scott',
          statistic: rs.statistic,
          ndf: rs.ndf,
          ddf: rs.ddf,
          p: rs.p,
          pearson: rs.pearson,
          meanDesignEffect: rs.meanDesignEffect,
          lowExpectedWarning: pearson.lowExpectedWarning,
        };
      } catch (err) {
        testNote = `No test: ${(err as Error).message}`;
      }
    } else {
      test = {
        method: 'pearson',
        statistic: pearson.statistic,
        df: pearson.df,
        p: pearson.p,
        minExpected: pearson.minExpected,
        cellsExpectedBelow5: pearson.cellsExpectedBelow5,
        lowExpectedWarning: pearson.lowExpectedWarning,
      };
    }
    if (pearson?.lowExpectedWarning)
      testNote = `Some expected counts are below 5 (${pearson.cellsExpectedBelow5} cells; smallest ${pearson.minExpected.toFixed(1)}): treat the test with caution.`;
    if (pubCols.length < columns.length && test) testNote = `${testNote ? `${testNote} ` : ''}Groups too small to publish are left out of the test.`;
  }
  return {
    ...shell,
    columns,
    rows: tooSmall ? row.levels.map((l) => ({ ...l, cells: columns.map(() => null) })) : rows,
    tooSmall,
    message: tooSmall ? TOO_SMALL : null,
    test: tooSmall ? null : test,
    testNote: tooSmall ? null : testNote,
  };
}

function multipleChoiceCrossTab(ctx: AnalysisContext, shell: Shell, qcol: ListColumn, bd: Breakdown, G: number): CrossTab {
  const subIdx = qcol.options.map((o, k) => ({ o, k })).filter((x) => !x.o.nonSubstantive);
  const K = qcol.options.length;
  const { codes, groupings } = groupingsOf(ctx.table, ctx.indicators);
  const substantive = Uint8Array.from(qcol.options, (o) => (o.nonSubstantive ? 0 : 1));
  const cells = listCrossTabCells(ctx.members, qcol, substantive, groupings, codes.indexOf(bd.code));
  const counts = qcol.options.map((_, k) => cells.subarray(k * G, (k + 1) * G));
  const bases = cells.subarray(K * G, (K + 1) * G);
  const { columns, publish, tooSmall } = finishColumns(ctx, bd, bases);
  const rows = subIdx.map((x) => ({
    value: x.o.value,
    label: x.o.label,
    cells: columns.map((c, g): CrossTabCell | null => {
      if (!publish[g] || tooSmall) return null;
      const count = (counts[x.k] as Float64Array)[g] as number;
      return { count, percent: pct(count, c.n), ci95: wilsonPercentInterval(count, c.n) };
    }),
  }));
  return {
    ...shell,
    columns,
    rows,
    tooSmall,
    message: tooSmall ? TOO_SMALL : null,
    test: null,
    testNote: tooSmall
      ? null
      : 'Respondents can choose more than one option, so no single chi-square test applies; percentages are of respondents in each group. Unweighted.',
  };
}
