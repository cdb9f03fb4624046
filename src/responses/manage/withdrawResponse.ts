import type { Kysely } from 'kysely';
import { nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { bumpResponsesRevision } from '../queries/importRecords.js';
import { storedResponse } from './queries/storedResponse.js';
import { checkReason } from './reason.js';

export interface WithdrawResponseOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  reference: string;
  reason: string;
}

/**
 * Withdraws a response: it stays stored, with who withdrew it, when and why, but counts for nothing (lists, counts,
 * exports, analysis) until an admin restores it. Audited, and the consultation's responses revision moves, in one
 * transaction.
 */
export async function withdrawResponse(options: WithdrawResponseOptions): Promise<{ reference: string }> {
  const { db, actor, partnershipId, consultationId, reference } = options;
  const reason = checkReason(options.reason, 'Enter why you are withdrawing this response');
  if (reason.error) throw validationFailed([reason.error]);
  return db.transaction().execute(async (trx) => {
    const response = await storedResponse(trx, { partnershipId, consultationId, reference });
    const done = await trx
      .updateTable('responses')
      .set({ withdrawn_at: nowIso(), withdrawn_by: actor.label, withdrawal_reason: reason.text })
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', response.id)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict(`Response ${reference} is already withdrawn`);
    await recordAudit(trx, {
      actor,
      action: 'response.withdraw',
      entity: 'response',
      entityId: response.id,
      partnershipId,
      detail: { reference, consultationId, reason: reason.text },
    });
    await bumpResponsesRevision(trx, partnershipId, consultationId);
    return { reference };
  });
}
