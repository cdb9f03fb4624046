/** The operation the CLI, the API and the dashboard share: read a consultation's responses and analyse them. */
import { type Consultation, loadSurveyDefinition } from '../consultations/index.js';
import type { DbHandle } from '../db/database.js';
import { listWards } from '../partnerships/index.js';
import type { RakingError } from '../stats/index.js';
import type { SurveyDefinition, Ward } from '../surveys/index.js';
import { type AnalysisOptions, type AnalysisWeights, analyseTable, analysisContext } from './analyseConsultation.js';
import { areaLookupOf } from './columns/areaColumns.js';
import { columnStoreFor } from './columns/columnStore.js';
import { tableLayout } from './columns/layout.js';
import { type CrossTab, crossTab } from './crossTab.js';
import { sectorAreas } from './queries/sectorAreas.js';
import type { ResponseTable } from './responseTable.js';
import type { AnalysisResult } from './types.js';
import { parseMargins, weightsFromMargins } from './weighting.js';

export interface StoredAnalysis {
  definition: SurveyDefinition;
  wards: Ward[];
  table: ResponseTable;
  weights: AnalysisWeights | null;
  result: AnalysisResult;
}

/** The consultation's answers as a table (the column store, caught up to every response stored before this call). */
export async function storedTable(handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>, consultation: Consultation) {
  const [definition, wards, sectors] = await Promise.all([
    loadSurveyDefinition(handle.db, consultation, consultation.surveyVersion),
    listWards(handle.db, consultation.partnershipId),
    sectorAreas(handle.db, consultation.partnershipId),
  ]);
  const table = await columnStoreFor(handle).table(
    { partnershipId: consultation.partnershipId, consultationId: consultation.id },
    tableLayout(definition, wards, areaLookupOf(sectors)),
  );
  return { definition, wards, table };
}

export interface StoredAnalysisOptions {
  /** The database; its column store (columns/columnStore.ts) supplies the answers. */
  handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>;
  consultation: Consultation;
  /** A `variable,value,population` CSV to rake to; null for unweighted results. */
  marginsCsv?: string | null;
  /** Trim weights at this multiple of the mean weight (re-raking the rest). */
  maxWeightRatio?: number;
  analysis?: Omit<AnalysisOptions, 'weights'>;
}

export type StoredAnalysisOutcome = { ok: true; analysis: StoredAnalysis } | { ok: false; error: RakingError };

export async function analyseStoredConsultation(options: StoredAnalysisOptions): Promise<StoredAnalysisOutcome> {
  return analyseTableOf(await storedTable(options.handle, options.consultation), options);
}

/** The analysis of a table already read (weights raked to the margins first, when given). */
export function analyseTableOf(
  stored: Pick<StoredAnalysis, 'definition' | 'wards' | 'table'>,
  options: Omit<StoredAnalysisOptions, 'handle'>,
): StoredAnalysisOutcome {
  const { table } = stored;
  let weights: AnalysisWeights | null = null;
  if (options.marginsCsv) {
    const parsed = parseMargins(options.marginsCsv);
    if (!parsed.ok) return parsed;
    const raked = weightsFromMargins(table, parsed.margins, options.maxWeightRatio ? { maxWeightRatio: options.maxWeightRatio } : {});
    if (!raked.ok) return raked;
    weights = raked.weights;
  }
  const result = analyseTable(table, { ...options.analysis, weights, template: options.consultation.template });
  return { ok: true, analysis: { ...stored, weights, result } };
}

/** A cross-tab within an analysis: the same respondents (filters), weights and suppression threshold as its results. */
export function crossTabWithin(
  analysis: Pick<StoredAnalysis, 'table' | 'weights' | 'result'>,
  template: string,
  question: string,
  breakdown: string,
): CrossTab {
  const { table, weights, result } = analysis;
  const ctx = analysisContext(table, { filters: result.filters, rules: result.rules, weights, template });
  return crossTab(ctx, question, breakdown);
}
