/** The prioritisation matrix as other capabilities read it (plan evidence, reports): each issue scored, with its recorded figures. */
import type { Kysely } from 'kysely';
import type { Principal } from '../accounts/index.js';
import type { AnalysisRunner } from '../analysis/index.js';
import type { Database } from '../db/schema.js';
import type { Partnership } from '../partnerships/index.js';
import { assessmentView } from './assessmentView.js';
import { loadAssessment } from './loadAssessment.js';

export async function assessmentMatrix(o: { db: Kysely<Database>; runner: AnalysisRunner; partnership: Partnership; user: Principal | undefined }) {
  const view = assessmentView(await loadAssessment(o));
  return { matrix: view.scoredIssues, periodText: view.periodText, demo: view.demo, hasData: view.hasData };
}
