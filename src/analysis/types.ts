/** The documented analysis JSON (docs/analysis.md): what analyseConsultation returns, the CLI prints and the API sends. */
import type { BaseStatus, TrimmingReport } from '../stats/index.js';

/** One option. Figures are null when the base is suppressed (too small to publish). percent/ci95/se are 0-100. */
export interface OptionResult {
  value: string;
  label: string;
  count: number | null;
  percent: number | null;
  ci95: [number, number] | null;
  weightedCount?: number | null;
  weightedPercent?: number | null;
  se?: number | null;
  weightedCi95?: [number, number] | null;
  /** Ranking questions: mean rank among those who ranked it (1 = first), % ranked first is `percent`. */
  meanRank?: number | null;
  rankedBy?: number | null;
}

export interface BaseInfo {
  /** Respondents in the percentage base. */
  n: number;
  /** "Base: all who answered, excluding don't know, n = 652". */
  description: string;
  status: BaseStatus;
  /** n < 30: show with a warning. */
  small: boolean;
  /** n below the suppression threshold: no figures are given. */
  suppressed: boolean;
  weightedN?: number | null;
  /** Design effect (R's deff = "replace") and effective sample size of the first option's estimate. */
  designEffect?: number | null;
  effectiveSampleSize?: number | null;
}

export interface QuestionResult {
  code: string;
  label: string;
  type: string;
  /** Rating-grid rows: the grid question's code and the row's own label. */
  grid?: { code: string; label: string; rowLabel: string };
  base: BaseInfo;
  /** Respondents (after filters) who gave any answer / none. */
  answered: number;
  notAnswered: number;
  options: OptionResult[];
  /** Don't know, prefer not to say...: % of all who answered. */
  nonSubstantive: OptionResult[];
  /** Number questions. */
  mean?: number | null;
  /** How the options are ordered and what percent means. */
  note?: string;
}

export interface ProportionResult {
  n: number;
  count: number | null;
  percent: number | null;
  ci95: [number, number] | null;
  status: BaseStatus;
  weightedPercent?: number | null;
  se?: number | null;
  weightedCi95?: [number, number] | null;
}

export interface PairedSafety {
  label: string;
  dayCode: string;
  darkCode: string;
  day: ProportionResult;
  dark: ProportionResult;
  /** Respondents who answered both (substantively): McNemar test of day vs after dark. */
  paired: {
    n: number;
    status: BaseStatus;
    dayPercent: number | null;
    darkPercent: number | null;
    /** Day minus after dark, percentage points, with its 95% interval. */
    differencePoints: number | null;
    ci95: [number, number] | null;
    statistic: number | null;
    p: number | null;
    significant: boolean | null;
  };
}

export interface BenchmarkInput {
  /** safe_day, safe_dark, safe_centre_day, safe_centre_dark, asb_high, victim_rate, reported_share or an ASB item code. */
  indicator: string;
  /** 0-1, e.g. 0.49. */
  proportion: number;
  label: string;
  /** The benchmark survey's base, when known. */
  n?: number;
}

export interface BenchmarkResult extends BenchmarkInput {
  localPercent: number | null;
  benchmarkPercent: number;
  differencePoints: number | null;
  ci95: [number, number] | null;
  p: number | null;
  distinguishable: boolean | null;
  method: string | null;
  /** Why there is no comparison (unknown indicator, suppressed base). */
  problem?: string;
}

export interface CrimeSurveyIndicators {
  safety: PairedSafety[];
  asb: {
    items: (ProportionResult & { code: string; label: string; national: boolean })[];
    score: {
      n: number;
      status: BaseStatus;
      mean: number | null;
      highThreshold: number;
      highCount: number | null;
      highPercent: number | null;
      highCi95: [number, number] | null;
      weightedMean?: number | null;
      weightedHighPercent?: number | null;
      se?: number | null;
    };
    flyTipping: (ProportionResult & { code: string; label: string }) | null;
  };
  topConcerns: OptionResult[];
  topConcernsBase: BaseInfo | null;
  victimisation: { rate: ProportionResult; reported: ProportionResult } | null;
  benchmarks: BenchmarkResult[];
}

export interface WeightingInfo {
  variables: string[];
  iterations: number;
  converged: boolean;
  maxRelativeMarginError: number;
  kishDesignEffect: number;
  kishEffectiveSampleSize: number;
  minWeight: number;
  maxWeight: number;
  /** When a cap was asked for: the cap, respondents trimmed, rounds, whether every weight is under it. */
  trimming?: TrimmingReport | null;
}

export interface AnalysisResult {
  /** Respondents after filters. */
  n: number;
  /** All responses before filters. */
  totalResponses: number;
  weighted: boolean;
  weighting: WeightingInfo | null;
  filters: Record<string, string>;
  rules: { flagBelow: number; suppressBelow: number };
  questions: QuestionResult[];
  indicators: CrimeSurveyIndicators | null;
}
