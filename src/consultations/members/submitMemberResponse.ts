import { AppError } from '../../platform/errors.js';
import { type ClaimedResponseOptions, storeClaimedResponse } from '../storeClaimedResponse.js';

export interface SubmitMemberResponseOptions extends ClaimedResponseOptions {
  /** The signed-in member answering. */
  userId: string;
}

export const alreadyAnsweredError = () => new AppError('conflict', 409, 'You have already answered this survey');

/** Stores a signed-in member's response: one each, the claim a member_responses row whose key lets only the first in. */
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
      return Number(recorded.numInsertedOrUpdatedRows) === 1;
    },
    alreadyAnsweredError,
  );
}
