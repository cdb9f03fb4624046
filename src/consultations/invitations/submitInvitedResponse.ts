import { AppError } from '../../platform/errors.js';
import { findAnswerByEmail } from '../queries/findAnswerByEmail.js';
import { type ClaimedResponseOptions, storeClaimedResponse } from '../storeClaimedResponse.js';

export interface SubmitInvitedResponseOptions extends ClaimedResponseOptions {
  invitationId: string;
}

export const invitationUsedError = () => new AppError('conflict', 409, 'This invitation has already been used');

/**
 * Stores the response given through a personal link: one per person, however many links they were sent. The claim
 * marks every invitation of the link's email address as answered, guarded by "not used yet": on PostgreSQL a second
 * claim for the same person waits on the first's row locks and then finds the rows used; SQLite runs one writer at a
 * time. A person who already answered (through an older link, or signed in as a member) is refused too.
 */
export async function submitInvitedResponse(options: SubmitInvitedResponseOptions): Promise<{ reference: string }> {
  const { partnershipId, consultationId } = options;
  return storeClaimedResponse(
    options,
    async (trx, { reference }) => {
      const invitation = await trx
        .selectFrom('invitations')
        .select(['email', 'response_reference'])
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('id', '=', options.invitationId)
        .executeTakeFirst();
      if (!invitation || invitation.response_reference !== null) return false;
      const claimed = await trx
        .updateTable('invitations')
        .set({ response_reference: reference })
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('email', '=', invitation.email)
        .where('response_reference', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      const earlier = await findAnswerByEmail(trx, partnershipId, consultationId, invitation.email);
      return earlier === undefined || earlier.reference === reference;
    },
    invitationUsedError,
  );
}
