/**
 * The prioritisation matrix as other capabilities read it (plan evidence, reports): each issue scored, with its
 * recorded figures, residents' concern always counted (so every reader of a plan sees the same scores).
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../accounts/index.js';
import type { AnalysisRunner } from '../analysis/index.js';
import type { Database } from '../db/schema.js';
import type { Partnership } from '../partnerships/index.js';
import { assessmentView } from './assessmentView.js';
import { loadAssessment } from './loadAssessment.js';

export async function assessmentMatrix(o: { db: Kysely<Database>; runner: AnalysisRunner; partnership: Partnership; user: Principal | undefined }) {
  const view = assessmentView(await loadAssessment({ ...o, allResults: true }));
  return { matrix: view.scoredIssues, periodText: view.periodText, demo: view.demo, hasData: view.hasData };
}
