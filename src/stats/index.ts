// The pure statistics core of survey analysis: plain arrays in, plain data out, no I/O. Each function's doc comment
// names the R function or paper it reproduces and has an example that docExamples.test.ts runs.
export { type AsbScoreResult, asbPerceptionScore } from './asbScore.js';
export { type BenchmarkComparison, type BenchmarkFigure, compareWithBenchmark, type LocalProportion } from './benchmark.js';
export { byGroup, type Estimator, estimate, type GroupEstimates, type Groups, type WeightedEstimate } from './byGroup.js';
export { type PearsonChiSquareResult, pearsonChiSquare } from './chiSquare.js';
export { type AgreementTable, agreementTable, cohensKappa, cohensKappaMatrix, type KappaResult, pooledKappa } from './cohensKappa.js';
export { type CalibrationMargin, createDesign, type SurveyDesign } from './design.js';
export { chiSquareSurvival, fSurvival, normalTwoSidedP, Z95 } from './distributions.js';
export { type McNemarResult, mcnemarTest, type PairedCounts, pairedCounts } from './mcnemar.js';
export {
  encodeMargin,
  RakingError,
  type RakingErrorCode,
  type RakingMargin,
  type RakingOptions,
  type RakingResult,
  type RakingSuccess,
  rake,
  type TrimmingReport,
} from './raking.js';
export { type RaoScottResult, raoScottChiSquare } from './raoScott.js';
export { type BaseStatus, baseStatus, DEFAULT_SMALL_BASE_RULES, type SmallBaseRules } from './smallBase.js';
export { type WeightedLevel, type WeightedMean, type WeightedProportions, weightedMean, weightedProportions } from './weightedEstimates.js';
export { type WeightSummary, weightSummary } from './weightSummary.js';
export { wilsonInterval, wilsonPercentInterval } from './wilson.js';
