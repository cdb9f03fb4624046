/**
 * The whole analysis of a consultation, pure: definition + answers (+ weights, filters) -> the documented JSON
 * (docs/analysis.md). Weighted estimates use the design over every respondent; filters are domains of it.
 */

import { type CalibrationMargin, createDesign, DEFAULT_SMALL_BASE_RULES, type SmallBaseRules } from '../stats/index.js';
import type { Answers, SurveyDefinition, Ward } from '../surveys/index.js';
import { type AnalysisContext, membersOf } from './context.js';
import { crimeSurveyIndicators } from './indicators.js';
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
  weights?: AnalysisWeights | null;
  /** Question code (or "channel") -> option value: only respondents giving that answer are analysed. */
  filters?: Readonly<Record<string, string>>;
  rules?: Partial<SmallBaseRules>;
  benchmarks?: readonly BenchmarkInput[];
}

/** 1 for respondents matching every filter; unknown filter codes or values throw a RangeError. */
export function filterMask(table: ResponseTable, filters: Readonly<Record<string, string>> = {}): Uint8Array {
  const mask = new Uint8Array(table.n).fill(1);
  for (const [code, value] of Object.entries(filters)) {
    const col = choiceColumn(table, code);
    if (!col) throw new RangeError(`"${code}" cannot be used as a filter: it is not a single-choice question in this survey`);
    const k = col.options.findIndex((o) => o.value === value);
    if (k < 0) throw new RangeError(`"${value}" is not an answer to "${code}"`);
    for (let i = 0; i < table.n; i++) if (col.codes[i] !== k) mask[i] = 0;
  }
  return mask;
}

export function analysisContext(table: ResponseTable, options: AnalysisOptions = {}): AnalysisContext {
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
    rules: { ...DEFAULT_SMALL_BASE_RULES, ...options.rules },
    design: w && table.n >= 2 ? createDesign(w.values, w.calibration ?? []) : null,
  };
}

/** The analysis of a table already built (the query layer streams responses into one). */
export function analyseTable(table: ResponseTable, options: AnalysisOptions = {}): AnalysisResult {
  const ctx = analysisContext(table, options);
  return {
    n: ctx.n,
    totalResponses: table.n,
    weighted: ctx.design !== null,
    weighting: ctx.design ? (options.weights?.info ?? null) : null,
    filters: { ...options.filters },
    rules: ctx.rules,
    questions: table.columns.map((c) => questionResult(c, ctx)),
    indicators: crimeSurveyIndicators(ctx, options.benchmarks),
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
