import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Whether this install holds any partnership yet (an empty database gets the demo). */
export async function anyPartnership(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('partnerships').select('id').limit(1).executeTakeFirst()) !== undefined;
}
