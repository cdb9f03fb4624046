/**
 * A consultation's results as every report shows them: weighted to the partnership's saved margins when it has
 * any (unweighted otherwise, and said so), with the partnership's small-base suppression, and the time they were read.
 */
import {
  type AnalysisResult,
  analyseStoredConsultation,
  type ChartContext,
  chartContext,
  type StoredAnalysis,
  savedMargins,
} from '../../analysis/index.js';
import type { Consultation } from '../../consultations/index.js';
import type { DbHandle } from '../../db/database.js';
import type { Partnership } from '../../partnerships/index.js';
import { csvLine } from '../../platform/csvSafe.js';
import type { SurveyDefinition } from '../../surveys/index.js';

export interface SurveyResults {
  consultation: Consultation;
  definition: SurveyDefinition;
  result: AnalysisResult;
  /** The table and weights behind the result, for cross-tabs. */
  stored: StoredAnalysis;
  chart: ChartContext;
  weightingStatement: string;
  drawnAt: string;
}

export async function surveyResults(
  handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>,
  partnership: Partnership,
  consultation: Consultation,
): Promise<SurveyResults> {
  const drawnAt = new Date().toISOString();
  const margins = await savedMargins(handle.db, partnership.id);
  const rules = { suppressBelow: partnership.suppressionMinimum };
  const marginsCsv = margins.length
    ? [csvLine(['variable', 'value', 'population']), ...margins.map((m) => csvLine([m.variable, m.value, m.population]))].join('')
    : null;
  let outcome = await analyseStoredConsultation({ handle, consultation, marginsCsv, analysis: { rules } });
  let weightingStatement = marginsCsv
    ? `Results are weighted to the partnership’s population margins (${[...new Set(margins.map((m) => m.variable))].join(', ')}) by raking, so that the respondents’ profile matches the population’s.`
    : 'Results are unweighted: they describe the people who responded, who may differ from the population as a whole.';
  if (!outcome.ok) {
    weightingStatement = `Results are unweighted: weighting to the saved margins failed (${outcome.error.message}).`;
    outcome = await analyseStoredConsultation({ handle, consultation, analysis: { rules } });
  }
  if (!outcome.ok) throw new Error(outcome.error.message);
  const { result, definition } = outcome.analysis;
  return {
    consultation,
    definition,
    result,
    stored: outcome.analysis,
    chart: chartContext({ consultation, partnership, result, filters: {} }),
    weightingStatement,
    drawnAt,
  };
}
