/**
 * The documented analysis JSON (docs/analysis.md): what analyseConsultation returns, the CLI prints and the API sends.
 * Written once as zod schemas: the types below are inferred from them and the OpenAPI document is generated from them.
 */
import { z } from 'zod';

const BASE_STATUSES = ['ok', 'small', 'suppressed'] as const;
const baseStatus = z.enum(BASE_STATUSES).meta({ description: 'ok; small (under 30: show with a warning); suppressed (no figures)' });
const num = z.number().nullable();
const interval = z.tuple([z.number(), z.number()]).nullable().meta({ description: '[low, high], 0-100' });

/** One option. Figures are null when the base is suppressed (too small to publish). percent/ci95/se are 0-100. */
export const optionResultSchema = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int().nullable().meta({ description: 'null when the base is too small to publish' }),
  percent: num.meta({ description: '0-100, unrounded' }),
  ci95: interval,
  weightedCount: num.optional(),
  weightedPercent: num.optional(),
  se: num.optional().meta({ description: 'standard error of weightedPercent, 0-100 units' }),
  weightedCi95: interval.optional(),
  /** Ranking questions: mean rank among those who ranked it (1 = first), % ranked first is `percent`. */
  meanRank: num.optional().meta({ description: 'ranking questions: mean rank among those who ranked it (1 = first)' }),
  rankedBy: num.optional(),
});
export type OptionResult = z.output<typeof optionResultSchema>;

export const baseInfoSchema = z.object({
  /** Respondents in the percentage base. */
  n: z.number().int(),
  description: z.string().meta({ examples: ["Base: all who answered, excluding don't know, n = 652"] }),
  status: baseStatus,
  /** n < 30: show with a warning. */
  small: z.boolean(),
  /** n below the suppression threshold: no figures are given. */
  suppressed: z.boolean(),
  weightedN: num.optional(),
  /** Design effect (R's deff = "replace") and effective sample size of the first option's estimate. */
  designEffect: num.optional(),
  effectiveSampleSize: num.optional(),
});
export type BaseInfo = z.output<typeof baseInfoSchema>;

export const questionResultSchema = z.object({
  code: z.string(),
  label: z.string(),
  type: z.string(),
  /** Rating-grid rows: the grid question's code and the row's own label. */
  grid: z.object({ code: z.string(), label: z.string(), rowLabel: z.string() }).optional(),
  base: baseInfoSchema,
  /** Respondents (after filters) who gave any answer / none. */
  answered: z.number().int(),
  notAnswered: z.number().int(),
  options: z.array(optionResultSchema),
  /** Don't know, prefer not to say...: % of all who answered. */
  nonSubstantive: z.array(optionResultSchema).meta({ description: "don't know, prefer not to say...: % of all who answered" }),
  /** Number questions. */
  mean: num.optional(),
  /** How the options are ordered and what percent means. */
  note: z.string().optional(),
});
export type QuestionResult = z.output<typeof questionResultSchema>;

export const proportionResultSchema = z.object({
  n: z.number().int(),
  count: z.number().int().nullable(),
  percent: num,
  ci95: interval,
  status: baseStatus,
  weightedPercent: num.optional(),
  se: num.optional(),
  weightedCi95: interval.optional(),
});
export type ProportionResult = z.output<typeof proportionResultSchema>;

export const pairedSafetySchema = z.object({
  label: z.string(),
  dayCode: z.string(),
  darkCode: z.string(),
  day: proportionResultSchema,
  dark: proportionResultSchema,
  /** Respondents who answered both (substantively): McNemar test of day vs after dark. */
  paired: z.object({
    n: z.number().int(),
    status: baseStatus,
    dayPercent: num,
    darkPercent: num,
    /** Day minus after dark, percentage points, with its 95% interval. */
    differencePoints: num,
    ci95: interval,
    statistic: num,
    p: num,
    significant: z.boolean().nullable(),
  }),
});
export type PairedSafety = z.output<typeof pairedSafetySchema>;

export const benchmarkInputSchema = z.object({
  /** safe_day, safe_dark, safe_centre_day, safe_centre_dark, asb_high, victim_rate, reported_share or an ASB item code. */
  indicator: z.string(),
  /** 0-1, e.g. 0.49. */
  proportion: z.number(),
  label: z.string(),
  /** The benchmark survey's base, when known. */
  n: z.number().optional(),
});
export type BenchmarkInput = z.output<typeof benchmarkInputSchema>;

export const benchmarkResultSchema = benchmarkInputSchema.extend({
  localPercent: num,
  benchmarkPercent: z.number(),
  differencePoints: num,
  ci95: interval,
  p: num,
  distinguishable: z.boolean().nullable(),
  method: z.string().nullable(),
  /** Why there is no comparison (unknown indicator, suppressed base). */
  problem: z.string().optional(),
});
export type BenchmarkResult = z.output<typeof benchmarkResultSchema>;

/** One perceived anti-social behaviour item: % saying it is a very or fairly big problem. */
const asbItemSchema = proportionResultSchema.extend({
  code: z.string(),
  label: z.string(),
  national: z.boolean().meta({ description: 'one of the seven national items that make up the score' }),
});

export const crimeSurveyIndicatorsSchema = z.object({
  safety: z.array(pairedSafetySchema),
  asb: z.object({
    items: z.array(asbItemSchema),
    score: z.object({
      n: z.number().int(),
      status: baseStatus,
      mean: num,
      highThreshold: z.number(),
      highCount: z.number().int().nullable(),
      highPercent: num,
      highCi95: interval,
      weightedMean: num.optional(),
      weightedHighPercent: num.optional(),
      se: num.optional(),
    }),
    /** The local item (fly-tipping), also among the items and not in the score. */
    flyTipping: asbItemSchema.nullable(),
  }),
  topConcerns: z.array(optionResultSchema),
  topConcernsBase: baseInfoSchema.nullable(),
  victimisation: z.object({ rate: proportionResultSchema, reported: proportionResultSchema }).nullable(),
  benchmarks: z.array(benchmarkResultSchema),
});
export type CrimeSurveyIndicators = z.output<typeof crimeSurveyIndicatorsSchema>;

export const weightingInfoSchema = z.object({
  variables: z.array(z.string()),
  /** Per variable, respondents who did not state it (blank, prefer not to say...): raked as their own group at their sample share. */
  notStated: z
    .record(z.string(), z.number().int())
    .optional()
    .meta({ description: 'per variable, respondents who did not state it, weighted as their own group at their share of the sample' }),
  iterations: z.number().int(),
  converged: z.boolean(),
  maxRelativeMarginError: z.number(),
  kishDesignEffect: z.number(),
  kishEffectiveSampleSize: z.number(),
  minWeight: z.number(),
  maxWeight: z.number(),
  /** When a cap was asked for: the cap, respondents trimmed, rounds, whether every weight is under it (stats' TrimmingReport). */
  trimming: z
    .object({ cap: z.number(), rounds: z.number().int(), trimmedCount: z.number().int(), maxWeightRatio: z.number(), converged: z.boolean() })
    .nullable()
    .optional(),
});
export type WeightingInfo = z.output<typeof weightingInfoSchema>;

export const analysisResultSchema = z
  .object({
    n: z.number().int().meta({ description: 'respondents within the filters' }),
    /** All responses before filters. */
    totalResponses: z.number().int(),
    weighted: z.boolean(),
    weighting: weightingInfoSchema.nullable(),
    filters: z.record(z.string(), z.string()),
    rules: z.object({ flagBelow: z.number().int(), suppressBelow: z.number().int() }),
    questions: z.array(questionResultSchema),
    indicators: crimeSurveyIndicatorsSchema
      .nullable()
      .meta({ description: 'crime-survey template only: safety (with McNemar), asb, topConcerns, victimisation, benchmarks' }),
  })
  .meta({ id: 'Analysis' });
export type AnalysisResult = z.output<typeof analysisResultSchema>;

/** One cell of a cross-tab: an answer (row) in a group (column). Figures are null in a group too small to publish. */
export const crossTabCellSchema = z.object({
  row: z.string().meta({ description: "the answer's option code" }),
  column: z.string().meta({ description: "the group's code (ward code, age band, channel...)" }),
  count: z.number().int().nullable(),
  percent: num.meta({ description: 'column percent, 0-100, unrounded' }),
  ci95: interval.meta({ description: 'Wilson 95% interval of the column percent, 0-100' }),
  weightedPercent: num.meta({ description: 'weighted column percent, 0-100; null when unweighted' }),
  se: num.meta({ description: 'standard error of weightedPercent (Taylor linearisation after raking), 0-100; null when unweighted' }),
});
export type CrossTabCellResult = z.output<typeof crossTabCellSchema>;

export const crossTabResultSchema = z
  .object({
    question: z.string().meta({ description: "the question's code (a rating-grid row's own code)" }),
    by: z.string().meta({ description: 'the breakdown: ward, age_band, sex, ethnic_group, disability or channel' }),
    weighted: z.boolean(),
    cells: z.array(crossTabCellSchema).meta({ description: 'every answer in every group, rows in survey order, columns in breakdown order' }),
    test: z
      .object({
        method: z.enum(['pearson', 'rao-scott']),
        statistic: z.number().meta({ description: "Pearson's X² (unweighted) or the Rao-Scott F (weighted, as R's svychisq)" }),
        df: z.array(z.number()).meta({ description: 'pearson: [df]; rao-scott: [numerator df, denominator df]' }),
        p: z.number(),
      })
      .nullable()
      .meta({ description: 'null for multiple choice, or when fewer than two groups or answers can be published' }),
    questionLabel: z.string(),
    byLabel: z.string(),
    rows: z.array(z.object({ value: z.string(), label: z.string() })),
    columns: z.array(z.object({ value: z.string(), label: z.string(), n: z.number().int(), status: baseStatus, weightedN: num.optional() })),
    filters: z.record(z.string(), z.string()),
    rules: z.object({ flagBelow: z.number().int(), suppressBelow: z.number().int() }),
    tooSmall: z.boolean().meta({ description: 'every group is under the suppression threshold: no figures at all' }),
    note: z.string().nullable().meta({ description: 'low expected counts, groups left out of the test, why there is no test' }),
  })
  .meta({ id: 'CrossTab' });
export type CrossTabResult = z.output<typeof crossTabResultSchema>;
