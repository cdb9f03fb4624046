import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { answeredInvitations } from './findAnswerByEmail.js';

export interface MemberResponse {
  reference: string;
  submittedAt: string;
}

/**
 * The response a signed-in member already gave to this consultation, if any: signed in, or through a personal
 * invitation link sent to their email address (one person answers once, whichever way they come).
 */
export async function findMemberResponse(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
  userId: string,
): Promise<MemberResponse | undefined> {
  const signedIn = await db
    .selectFrom('member_responses')
    .select(['response_reference as reference', 'created_at as submittedAt'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (signedIn) return signedIn;
  return answeredInvitations(db, partnershipId, consultationId)
    .innerJoin('users', (join) => join.on((eb) => eb(eb.fn('lower', ['users.email']), '=', eb.ref('invitations.email'))))
    .where('users.id', '=', userId)
    .executeTakeFirst();
}
