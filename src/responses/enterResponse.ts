import type { ConsultationRuntimeCache } from '../consultations/index.js';
import type { DbHandle } from '../db/database.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import type { Channel } from './channels.js';
import { newReference } from './reference.js';
import { prepareResponse } from './submitResponse.js';

export interface EnterResponseOptions {
  handle: DbHandle;
  runtimes: ConsultationRuntimeCache;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  /** Raw answers keyed by question code, as typed from the paper, email or phone response. */
  answers: Record<string, unknown>;
  channel: Channel;
}

/**
 * Stores a response keyed in by staff, with its audit entry in the same transaction. Not group-committed:
 * staff key in one at a time, and the response must never be stored without the record of who entered it.
 */
export async function enterResponse(options: EnterResponseOptions): Promise<{ id: string; reference: string }> {
  const row = await prepareResponse({ ...options, enteredBy: options.actor.id ?? undefined, requireOpen: false });
  const stored = { ...row, id: crypto.randomUUID(), reference: newReference() };
  await options.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('responses').values(stored).execute();
    await recordAudit(trx, {
      actor: options.actor,
      action: 'response.enter',
      entity: 'response',
      entityId: stored.id,
      partnershipId: options.partnershipId,
      detail: { reference: stored.reference, channel: options.channel },
    });
  });
  return { id: stored.id, reference: stored.reference };
}
