/**
 * The prioritisation matrix as other capabilities read it (plan evidence, reports): each issue scored, with its
 * recorded figures, residents' concern always counted (so every reader of a plan sees the same scores). No
 * boundaries are read and no maps drawn.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../accounts/index.js';
import type { AnalysisRunner } from '../analysis/index.js';
import { DEMO_FORCE } from '../crime/index.js';
import type { Database } from '../db/schema.js';
import type { Partnership } from '../partnerships/index.js';
import { monthName, scoredIssuesOf } from './assessmentView.js';
import { loadAssessment } from './loadAssessment.js';

export async function assessmentMatrix(o: { db: Kysely<Database>; runner: AnalysisRunner; partnership: Partnership; user: Principal | undefined }) {
  const d = await loadAssessment({ ...o, allResults: true, withoutMaps: true });
  const period = d.period;
  return {
    matrix: scoredIssuesOf(d),
    periodText: period ? `${monthName(period.from)} to ${monthName(period.to)}` : '',
    demo: d.sources.some((s) => s.force === DEMO_FORCE),
    hasData: period !== null && d.byMonth.some((r) => r.key !== null && r.key >= period.from && r.key <= period.to && r.count > 0),
  };
}
