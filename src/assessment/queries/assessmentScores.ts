import type { Kysely } from 'kysely';
import { nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { SetScores } from '../analysis/matrix.js';

export async function assessmentScores(db: Kysely<Database>, partnershipId: string): Promise<Map<string, SetScores>> {
  const rows = await db.selectFrom('assessment_scores').selectAll().where('partnership_id', '=', partnershipId).execute();
  return new Map(
    rows.map((r) => [r.issue, { harm: r.harm, likelihood: r.likelihood, capacity: r.capacity, rationale: r.rationale, updatedBy: r.updated_by }]),
  );
}

export async function saveAssessmentScores(
  db: Kysely<Database>,
  partnershipId: string,
  by: string,
  scores: { issue: string; harm: number | null; likelihood: number | null; capacity: number | null; rationale: string }[],
) {
  const updated_at = nowIso();
  for (const s of scores) {
    await db.deleteFrom('assessment_scores').where('partnership_id', '=', partnershipId).where('issue', '=', s.issue).execute();
    if (s.harm !== null || s.likelihood !== null || s.capacity !== null || s.rationale)
      await db
        .insertInto('assessment_scores')
        .values({ partnership_id: partnershipId, ...s, updated_at, updated_by: by })
        .execute();
  }
}
