import { AppError } from '../../platform/errors.js';
import { findAnswerByEmail } from '../queries/findAnswerByEmail.js';
import { type ClaimedResponseOptions, storeClaimedResponse } from '../storeClaimedResponse.js';

export interface SubmitMemberResponseOptions extends ClaimedResponseOptions {
  /** The signed-in member answering. */
  userId: string;
}

export const alreadyAnsweredError = () => new AppError('conflict', 409, 'You have already answered this survey');

/**
 * Stores a signed-in member's response: one each, the claim a member_responses row whose key lets only the first in.
 * A member who already answered through a personal invitation link sent to their email address is refused too.
 */
export async function submitMemberResponse(options: SubmitMemberResponseOptions): Promise<{ reference: string }> {
  return storeClaimedResponse(
    options,
    async (trx, { reference, submittedAt }) => {
      const recorded = await trx
        .insertInto('member_responses')
        .values({
          partnership_id: options.partnershipId,
          consultation_id: options.consultationId,
          user_id: options.userId,
          response_reference: reference,
          created_at: submittedAt,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(recorded.numInsertedOrUpdatedRows) !== 1) return false;
      const user = await trx.selectFrom('users').select('email').where('id', '=', options.userId).executeTakeFirst();
      const earlier = user && (await findAnswerByEmail(trx, options.partnershipId, options.consultationId, user.email));
      return !earlier || earlier.reference === reference;
    },
    alreadyAnsweredError,
  );
}
