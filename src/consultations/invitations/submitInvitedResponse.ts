import type { DbHandle } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { newReference, prepareResponse } from '../../responses/index.js';
import type { ConsultationRuntimeCache } from '../runtime.js';

export interface SubmitInvitedResponseOptions {
  handle: DbHandle;
  runtimes: ConsultationRuntimeCache;
  partnershipId: string;
  consultationId: string;
  invitationId: string;
  answers: Record<string, unknown>;
}

export const invitationUsedError = () => new AppError('conflict', 409, 'This invitation has already been used');

/**
 * Claims the invitation and stores the response in one transaction, so a link gives exactly one response
 * however many submissions arrive at once: the claim is an update guarded by "not used yet", and a second
 * claim (PostgreSQL waits for the first to commit; SQLite runs one writer at a time) updates nothing.
 */
export async function submitInvitedResponse(options: SubmitInvitedResponseOptions): Promise<{ reference: string }> {
  const row = await prepareResponse({
    runtimes: options.runtimes,
    consultationId: options.consultationId,
    partnershipId: options.partnershipId,
    answers: options.answers,
    channel: 'online',
    requireOpen: true,
  });
  const stored = { ...row, id: crypto.randomUUID(), reference: newReference() };
  await options.handle.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('invitations')
      .set({ response_reference: stored.reference })
      .where('partnership_id', '=', options.partnershipId)
      .where('id', '=', options.invitationId)
      .where('response_reference', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw invitationUsedError();
    await trx.insertInto('responses').values(stored).execute();
  });
  return { reference: stored.reference };
}
