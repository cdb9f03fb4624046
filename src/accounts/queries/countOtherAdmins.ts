import type { Transaction } from 'kysely';
import { toCount } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';

/** Enabled administrators of the partnership other than the given user. */
export async function countOtherAdmins(trx: Transaction<Database>, partnershipId: string, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .innerJoin('partnership_members', 'partnership_members.user_id', 'users.id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('partnership_members.partnership_id', '=', partnershipId)
    .where('users.role', '=', 'admin')
    .where('users.disabled', '=', 0)
    .where('users.id', '!=', userId)
    .executeTakeFirst();
  return toCount(row?.n as number | undefined);
}
