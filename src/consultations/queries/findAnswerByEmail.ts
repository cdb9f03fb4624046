import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { MemberResponse } from './findMemberResponse.js';

/** The consultation's invitations that were used, with the response given (earliest first); the caller narrows them. */
export const answeredInvitations = (db: Kysely<Database>, partnershipId: string, consultationId: string) =>
  db
    .selectFrom('invitations')
    .innerJoin('responses', (join) =>
      join
        .onRef('responses.partnership_id', '=', 'invitations.partnership_id')
        .onRef('responses.consultation_id', '=', 'invitations.consultation_id')
        .onRef('responses.reference', '=', 'invitations.response_reference'),
    )
    .select(['responses.reference as reference', 'responses.submitted_at as submittedAt'])
    .where('invitations.partnership_id', '=', partnershipId)
    .where('invitations.consultation_id', '=', consultationId)
    .orderBy('responses.submitted_at');

/**
 * The response a person, known by their email address, already gave to a consultation: through any of their
 * personal invitation links, or signed in as a member with that address. One person answers a members' survey once,
 * however many links they were sent.
 */
export async function findAnswerByEmail(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
  email: string,
): Promise<MemberResponse | undefined> {
  const address = email.trim().toLowerCase();
  const invited = await answeredInvitations(db, partnershipId, consultationId).where('invitations.email', '=', address).executeTakeFirst();
  if (invited) return invited;
  return db
    .selectFrom('member_responses')
    .innerJoin('users', 'users.id', 'member_responses.user_id')
    .select(['member_responses.response_reference as reference', 'member_responses.created_at as submittedAt'])
    .where('member_responses.partnership_id', '=', partnershipId)
    .where('member_responses.consultation_id', '=', consultationId)
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', address))
    .executeTakeFirst();
}
