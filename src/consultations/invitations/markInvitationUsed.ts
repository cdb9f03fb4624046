import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Records the response an invitation was used for; false when it had already been used. */
export async function markInvitationUsed(db: Kysely<Database>, partnershipId: string, invitationId: string, reference: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ response_reference: reference })
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', invitationId)
    .where('response_reference', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
