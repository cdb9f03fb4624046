import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function listPlanThemes(db: Kysely<Database>, partnershipId: string) {
  return db.selectFrom('plan_themes').select(['id', 'title', 'summary']).where('partnership_id', '=', partnershipId).orderBy('position').execute();
}
