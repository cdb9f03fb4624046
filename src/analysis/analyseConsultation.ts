/**
 * The whole analysis of a consultation, pure: definition + answers (+ weights, filters) -> the documented JSON
 * (docs/analysis.md). Weighted estimates use the design over every respondent; filters are domains of it.
 */

import { type CalibrationMargin, createDesign, DEFAULT_SMALL_BASE_RULES, type SmallBaseRules } from '../stats/index.js';
import { type Answers, indicatorSetFor, type SurveyDefinition, type Ward } from '../surveys/index.js';
import { AnalysisInputError } from './analysisInputError.js';
import { type AnalysisContext, membersOf } from './context.js';
import { headlineIndicators } from './indicators.js';
import { questionResult } from './questionResults.js';
import { buildResponseTable, choiceColumn, type ResponseTable } from './responseTable.js';
import type { AnalysisResult, BenchmarkInput, WeightingInfo } from './types.js';

export interface AnalysisWeights {
  /** One positive weight per response, in table order. */
  values: ArrayLike<number>;
  /** The margins the weights were raked to (calibration-aware standard errors); none for plain weights. */
  calibration?: readonly CalibrationMargin[];
  info?: WeightingInfo;
}

export interface AnalysisOptions {
  /** The survey's template id: which headline indicators and extra breakdowns apply (none for other templates). */
  template?: string;
  weights?: AnalysisWeights | null;
  /** Question code (or "channel") -> option value: only respondents giving that answer are analysed. */
  filters?: Readonly<Record<string, string>>;
  rules?: Partial<SmallBaseRules>;
  benchmarks?: readonly BenchmarkInput[];
}

/** 1 for respondents matching every filter; unknown filter codes or values are an AnalysisInputError. */
export function filterMask(table: ResponseTable, filters: Readonly<Record<string, string>> = {}): Uint8Array {
  const mask = new Uint8Array(table.n).fill(1);
  for (const [code, value] of Object.entries(filters)) {
    const col = choiceColumn(table, code);
    if (!col) throw new AnalysisInputError('filters', `"${code}" cannot be used as a filter: it is not a single-choice question in this survey`);
    const k = col.options.findIndex((o) => o.value === value);
    if (k < 0) throw new AnalysisInputError('filters', `"${value}" is not an answer to "${code}"`);
    for (let i = 0; i < table.n; i++) if (col.codes[i] !== k) mask[i] = 0;
  }
  return mask;
}

/** The small-base rules with the defaults filled in; thresholds must be whole numbers of 0 or more. */
function smallBaseRules(rules: Partial<SmallBaseRules> = {}): SmallBaseRules {
  const ruled = { ...DEFAULT_SMALL_BASE_RULES, ...rules };
  for (const threshold of [ruled.suppressBelow, ruled.flagBelow]) {
    if (!(Number.isInteger(threshold) && threshold >= 0))
      throw new AnalysisInputError('suppressBelow', `The small-base thresholds must be whole numbers of 0 or more (got ${threshold})`);
  }
  return ruled;
}

export function analysisContext(table: ResponseTable, options: AnalysisOptions = {}): AnalysisContext {
  const rules = smallBaseRules(options.rules);
  const mask = filterMask(table, options.filters);
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i] as number;
  const w = options.weights;
  if (w && w.values.length !== table.n) throw new RangeError(`there are ${w.values.length} weights for ${table.n} responses`);
  return {
    table,
    mask,
    members: membersOf(mask, n),
    n,
    rules,
    design: w && table.n >= 2 ? createDesign(w.values, w.calibration ?? []) : null,
    indicators: indicatorSetFor(options.template),
  };
}

/** The analysis of a table already built (the query layer streams responses into one). */
export function analyseTable(table: ResponseTable, options: AnalysisOptions = {}): AnalysisResult {
  for (const b of options.benchmarks ?? []) {
    if (!(b.proportion >= 0 && b.proportion <= 1) || (b.n !== undefined && !(Number.isInteger(b.n) && b.n > 0)))
      throw new AnalysisInputError(
        'benchmarks',
        `The benchmark for "${b.indicator}" needs a proportion between 0 and 1 and, if given, a base of 1 or more`,
      );
  }
  const ctx = analysisContext(table, options);
  return {
    n: ctx.n,
    totalResponses: table.n,
    weighted: ctx.design !== null,
    weighting: ctx.design ? (options.weights?.info ?? null) : null,
    filters: { ...options.filters },
    rules: ctx.rules,
    questions: table.columns.map((c) => questionResult(c, ctx)),
    indicators: headlineIndicators(ctx, options.benchmarks),
  };
}

/** definition + every response's answers (with `channel` inside each, optionally) + the partnership's wards. */
export function analyseConsultation(
  definition: SurveyDefinition,
  answers: readonly Answers[],
  wards: readonly Ward[],
  options: AnalysisOptions = {},
): AnalysisResult {
  return analyseTable(buildResponseTable(definition, answers, wards), options);
}
