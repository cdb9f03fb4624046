import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface Ward {
  code: string;
  name: string;
}

/** The partnership's wards by name: the options of a ward question, the rows of a breakdown by ward. */
export async function listWards(db: Kysely<Database>, partnershipId: string): Promise<Ward[]> {
  return db.selectFrom('wards').select(['code', 'name']).where('partnership_id', '=', partnershipId).orderBy('name').execute();
}
