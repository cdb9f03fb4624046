// What analysis publishes to other capabilities. Import from here, not from files inside the folder.
export { analyseStoredConsultation, crossTabWithin, type StoredAnalysis } from './analyseStoredConsultation.js';
// The Strategic Assessment (src/assessment/) asks the same analysis threads for a consultation's concerns by ward.
export type { AnalysisJob, AnalysisOutcome } from './analysisJob.js';
// The machinery theme coding's results reuse (src/coding/): the same table, breakdowns and weights as the dashboard.
export { availableBreakdowns } from './crossTab.js';
export { headlineCharts, headlineFindings } from './dashboardHeadlines.js';
export { type ChartContext, chartContext, chartFor, fmtPct, gridChartFor, gridRows } from './dashboardModel.js';
export { type GroupFigure, indicatorByGroup } from './indicatorByGroup.js';
export { marginsText } from './marginsText.js';
export { savedMargins } from './queries/savedMargins.js';
export { buildResponseTable } from './responseTable.js';
export { sampleProfile } from './sampleProfile.js';
export type { AnalysisResult, BenchmarkInput, CrimeSurveyIndicators, QuestionResult } from './types.js';
export { parseMargins, weightsFromMargins } from './weighting.js';
export { type AnalysisRunner, analysisInThisThread, analysisRunnerFor } from './worker/analysisPool.js';
