import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The id of the partnership's consultation with this slug, if there is one. */
export async function findConsultationId(db: Kysely<Database>, partnershipId: string, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('consultations')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}
