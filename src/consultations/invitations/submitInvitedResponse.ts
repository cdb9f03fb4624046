import { AppError } from '../../platform/errors.js';
import { type ClaimedResponseOptions, storeClaimedResponse } from '../storeClaimedResponse.js';

export interface SubmitInvitedResponseOptions extends ClaimedResponseOptions {
  invitationId: string;
}

export const invitationUsedError = () => new AppError('conflict', 409, 'This invitation has already been used');

/** Stores the response given through a personal link: one per invitation, the claim an update guarded by "not used yet". */
export async function submitInvitedResponse(options: SubmitInvitedResponseOptions): Promise<{ reference: string }> {
  return storeClaimedResponse(
    options,
    async (trx, { reference }) => {
      const claimed = await trx
        .updateTable('invitations')
        .set({ response_reference: reference })
        .where('partnership_id', '=', options.partnershipId)
        .where('id', '=', options.invitationId)
        .where('response_reference', 'is', null)
        .executeTakeFirst();
      return Number(claimed.numUpdatedRows) === 1;
    },
    invitationUsedError,
  );
}
