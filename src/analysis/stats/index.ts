// The pure statistics core of survey analysis: plain arrays in, plain data out, no I/O.
export { asbPerceptionScore, HIGH_ASB_THRESHOLD, type AsbScoreResult } from './asbScore.js';
export { compareWithBenchmark, type BenchmarkComparison, type BenchmarkFigure, type LocalProportion } from './benchmark.js';
export { pearsonChiSquare, type PearsonChiSquareResult } from './chiSquare.js';
export { createDesign, type CalibrationMargin, type SurveyDesign } from './design.js';
export { chiSquareSurvival, fSurvival, normalTwoSidedP, Z95 } from './distributions.js';
export {
  multipleChoiceFrequencies,
  rankingSummary,
  ratingGridFrequencies,
  singleChoiceFrequencies,
  type Answer,
  type MultipleChoiceFrequencies,
  type OptionFrequency,
  type RankedOption,
  type SingleChoiceFrequencies,
} from './frequencies.js';
export { mcnemarTest, pairedCounts, type McNemarResult, type PairedCounts } from './mcnemar.js';
export { raoScottChiSquare, type RaoScottResult } from './raoScott.js';
export {
  encodeMargin,
  RakingError,
  rake,
  type RakingErrorCode,
  type RakingMargin,
  type RakingOptions,
  type RakingResult,
  type RakingSuccess,
  type TrimmingReport,
} from './raking.js';
export {
  applySmallBaseRules,
  baseStatus,
  DEFAULT_SMALL_BASE_RULES,
  isWhollySuppressed,
  type BaseStatus,
  type RuledCell,
  type SmallBaseRules,
} from './smallBase.js';
export {
  weightedMean,
  weightedMeanByGroup,
  weightedProportions,
  weightedProportionsByGroup,
  type WeightedEstimate,
  type WeightedLevel,
  type WeightedMean,
  type WeightedProportions,
} from './weightedEstimates.js';
export { weightSummary, type WeightSummary } from './weightSummary.js';
export { wilsonInterval, wilsonPercentInterval } from './wilson.js';
