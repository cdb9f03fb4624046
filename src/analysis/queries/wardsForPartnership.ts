import type { Kysely } from 'kysely';
import type { Ward } from '../../consultations/survey/answerParsers.js';
import type { Database } from '../../db/schema.js';

/** The partnership's wards by name: the options of a ward question. */
export async function wardsForPartnership(db: Kysely<Database>, partnershipId: string): Promise<Ward[]> {
  return db.selectFrom('wards').select(['code', 'name']).where('partnership_id', '=', partnershipId).orderBy('name').execute();
}
