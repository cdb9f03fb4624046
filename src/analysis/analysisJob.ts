/**
 * One analysis request as plain data, and the work it asks for: everything the API, the dashboard and the downloads
 * need from a consultation's table. It runs on an analysis worker thread (worker/analysisPool.ts), so what goes in
 * and comes out crosses threads by structured clone. The outcome for the same job on the same table is remembered:
 * the column store hands out the same table object until a response arrives, so a remembered outcome is never stale.
 */
import type { Consultation } from '../consultations/index.js';
import type { DbHandle } from '../db/database.js';
import type { Partnership } from '../partnerships/index.js';
import { indicatorSetFor, type SurveyOption } from '../surveys/index.js';
import { analyseTableOf, crossTabWithin, type StoredAnalysis, storedTable } from './analyseStoredConsultation.js';
import { AnalysisInputError, type AnalysisInputField } from './analysisInputError.js';
import { availableBreakdowns, type CrossTab } from './crossTab.js';
import { type DashboardPage, dashboardView } from './dashboardView.js';
import type { MarginsSource } from './marginsText.js';
import { type Representativeness, representativeness } from './representativeness.js';
import { choiceColumn, type ResponseTable } from './responseTable.js';
import { type AnalysisQuery, FILTER_CODES } from './schema.js';
import type { AnalysisResult } from './types.js';
import { parseMargins, resolveMargins } from './weighting.js';

export interface AnalysisJob {
  consultation: Consultation;
  /** Question code (or "channel") -> option value. */
  filters: Record<string, string>;
  /** The threshold to apply (analysis/suppression.ts decided it). */
  suppressBelow: number;
  /** Margins to rake to; null for unweighted results. */
  marginsCsv: string | null;
  /** A margins problem is reported beside unweighted results (the dashboard) instead of failing the job (the API). */
  softWeights: boolean;
  crossTab: { question: string; breakdown: string } | null;
  /** The dashboard page, built here too (its charts are the slowest part): what it was asked with; null for the API and downloads. */
  dashboard: { query: AnalysisQuery; partnership: Partnership; defaultMargins: { text: string; source: MarginsSource } } | null;
}

/** What the dashboard shows from the table itself: the filters' options, the breakdowns offered, the sample's profile. */
export interface DashboardFacts {
  filterOptions: Record<string, readonly SurveyOption[]>;
  breakdowns: { code: string; label: string }[];
  profile: Representativeness | null;
}

/** What the analyst asked for and the survey cannot give (a 422 naming the field). */
export interface AnalysisProblem {
  field: AnalysisInputField | 'margins';
  message: string;
}

export type AnalysisOutcome =
  | {
      ok: true;
      result: AnalysisResult;
      weightingError: string | null;
      crossTab: CrossTab | null;
      crossTabError: AnalysisProblem | null;
      dashboard: DashboardPage | null;
    }
  | { ok: false; problem: AnalysisProblem };

/** The same job gives the same key (filters come in FILTER_CODES order). */
export function jobKey(job: AnalysisJob): string {
  const { consultation: c, ...rest } = job;
  return JSON.stringify([c.partnershipId, c.id, c.surveyVersion, c.template, rest]);
}

const REMEMBERED_PER_TABLE = 32;
const remembered = new WeakMap<ResponseTable, Map<string, AnalysisOutcome>>();

/** Reads the consultation's table and answers the job, or gives the outcome already worked out for this table. */
export async function runAnalysisJob(handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>, job: AnalysisJob): Promise<AnalysisOutcome> {
  const stored = await storedTable(handle, job.consultation);
  let outcomes = remembered.get(stored.table);
  if (!outcomes) {
    outcomes = new Map();
    remembered.set(stored.table, outcomes);
  }
  const key = jobKey(job);
  let outcome = outcomes.get(key);
  if (!outcome) {
    outcome = answer(stored, job);
    if (outcomes.size >= REMEMBERED_PER_TABLE) outcomes.delete(outcomes.keys().next().value as string);
    outcomes.set(key, outcome);
  }
  return outcome;
}

function answer(stored: Pick<StoredAnalysis, 'definition' | 'wards' | 'table'>, job: AnalysisJob): AnalysisOutcome {
  const { consultation } = job;
  const analysis = { filters: job.filters, rules: { suppressBelow: job.suppressBelow } };
  try {
    let outcome = analyseTableOf(stored, { consultation, marginsCsv: job.marginsCsv, analysis });
    let weightingError: string | null = null;
    if (!outcome.ok && job.softWeights) {
      weightingError = outcome.error.message;
      outcome = analyseTableOf(stored, { consultation, analysis });
    }
    if (!outcome.ok) return { ok: false, problem: { field: 'margins', message: `${outcome.error.message} No weights were applied.` } };
    const { table, result } = outcome.analysis;
    let xtab: CrossTab | null = null;
    let crossTabError: AnalysisProblem | null = null;
    if (job.crossTab) {
      try {
        xtab = crossTabWithin(outcome.analysis, consultation.template, job.crossTab.question, job.crossTab.breakdown);
      } catch (err) {
        crossTabError = asProblem(err);
      }
    }
    let dashboard: DashboardPage | null = null;
    if (job.dashboard) {
      const { query, partnership, defaultMargins } = job.dashboard;
      dashboard = dashboardView({
        consultation,
        partnership,
        defaultMargins,
        facts: dashboardFacts(table, consultation.template, query.margins ?? null),
        result,
        query,
        filters: job.filters,
        xtab,
        xtabError: crossTabError?.message ?? null,
        weightingError,
      });
    }
    return { ok: true, result, weightingError, crossTab: xtab, crossTabError, dashboard };
  } catch (err) {
    return { ok: false, problem: asProblem(err) };
  }
}

/** An AnalysisInputError as data; anything else is a bug and is thrown on. */
function asProblem(err: unknown): AnalysisProblem {
  if (err instanceof AnalysisInputError) return { field: err.field, message: err.message };
  throw err;
}

function dashboardFacts(table: ResponseTable, template: string, profileMargins: string | null): DashboardFacts {
  const filterOptions: Record<string, readonly SurveyOption[]> = {};
  for (const code of FILTER_CODES) {
    const col = choiceColumn(table, code);
    if (col) filterOptions[code] = col.options;
  }
  const parsed = profileMargins ? parseMargins(profileMargins) : null;
  const margins = parsed?.ok ? resolveMargins(table, parsed.margins) : null;
  return {
    filterOptions,
    breakdowns: availableBreakdowns(table, indicatorSetFor(template)).map((b) => ({ code: b.code, label: b.label })),
    profile: margins?.ok ? representativeness(table, margins.margins) : null,
  };
}
