import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { bumpResponsesRevision } from '../queries/importRecords.js';
import { storedResponse } from './queries/storedResponse.js';

export interface RestoreResponseOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  reference: string;
}

/**
 * Restores a withdrawn response (an admin's action: callers check), so it counts again. The audit entry keeps the
 * withdrawal it undid; the consultation's responses revision moves; one transaction.
 */
export async function restoreResponse(options: RestoreResponseOptions): Promise<{ reference: string }> {
  const { db, actor, partnershipId, consultationId, reference } = options;
  return db.transaction().execute(async (trx) => {
    const response = await storedResponse(trx, { partnershipId, consultationId, reference });
    if (response.withdrawn_at === null) throw conflict(`Response ${reference} is not withdrawn`);
    const done = await trx
      .updateTable('responses')
      .set({ withdrawn_at: null, withdrawn_by: null, withdrawal_reason: null })
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', response.id)
      .where('withdrawn_at', '=', response.withdrawn_at)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict(`Response ${reference} was restored by someone else`);
    await recordAudit(trx, {
      actor,
      action: 'response.restore',
      entity: 'response',
      entityId: response.id,
      partnershipId,
      detail: {
        reference,
        consultationId,
        withdrawn: { at: response.withdrawn_at, by: response.withdrawn_by, reason: response.withdrawal_reason },
      },
    });
    await bumpResponsesRevision(trx, partnershipId, consultationId);
    return { reference };
  });
}
