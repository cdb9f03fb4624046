import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface PlanTheme {
  id: string;
  title: string;
  summary: string;
}

/** The partnership's plan themes in the plan's order. */
export async function listPlanThemes(db: Kysely<Database>, partnershipId: string): Promise<PlanTheme[]> {
  return db.selectFrom('plan_themes').select(['id', 'title', 'summary']).where('partnership_id', '=', partnershipId).orderBy('position').execute();
}
