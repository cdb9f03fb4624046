import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface MemberResponse {
  reference: string;
  submittedAt: string;
}

/** The response a signed-in member already gave to this consultation, if any. */
export async function findMemberResponse(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
  userId: string,
): Promise<MemberResponse | undefined> {
  return db
    .selectFrom('member_responses')
    .select(['response_reference as reference', 'created_at as submittedAt'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
