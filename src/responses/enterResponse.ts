import type { ConsultationRuntimeCache } from '../consultations/index.js';
import { nowIso } from '../db/columnTypes.js';
import type { DbHandle } from '../db/database.js';
import { validationFailed } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { londonDay, readUkDateTime } from '../platform/ukDate.js';
import { keepOriginals } from '../redaction/index.js';
import type { Channel } from './channels.js';
import { newReference } from './reference.js';
import { originalsOf, prepareResponse } from './submitResponse.js';

export interface EnterResponseOptions {
  handle: DbHandle;
  runtimes: ConsultationRuntimeCache;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  /** Raw answers keyed by question code, as typed from the paper, email or phone response. */
  answers: Record<string, unknown>;
  channel: Channel;
  /** The day the response was received, YYYY-MM-DD in UK time (default: today). */
  receivedOn?: string;
}

/** The instant stored for a response received on a day: now if today, else the start of that day in UK time. */
function receivedAt(receivedOn: string | undefined, opensAt: string): string {
  const now = nowIso();
  if (!receivedOn || receivedOn === londonDay(now)) return now;
  const when = readUkDateTime(receivedOn);
  if (!when) throw validationFailed([{ field: '_received', message: 'Date received must be a real date' }]);
  if (when.day > londonDay(now)) throw validationFailed([{ field: '_received', message: 'Date received must be today or in the past' }]);
  if (when.day < londonDay(opensAt))
    throw validationFailed([
      { field: '_received', message: `Date received must be on or after the day the consultation opened (${formatLondon(opensAt, 'date')})` },
    ]);
  return when.instant;
}

/**
 * Stores a response keyed in by staff, with its audit entry in the same transaction. Not group-committed:
 * staff key in one at a time, and the response must never be stored without the record of who entered it.
 */
export async function enterResponse(options: EnterResponseOptions): Promise<{ id: string; reference: string }> {
  const runtime = await options.runtimes.get(options.consultationId);
  const submittedAt = runtime ? receivedAt(options.receivedOn, runtime.consultation.opensAt) : undefined;
  const row = await prepareResponse({ ...options, enteredBy: options.actor.id ?? undefined, requireOpen: false, keyedIn: true, submittedAt });
  const stored = { ...row, id: crypto.randomUUID(), reference: newReference() };
  await options.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('responses').values(stored).execute();
    await keepOriginals(trx, { partnershipId: stored.partnership_id, responseId: stored.id, originals: originalsOf(row) });
    await recordAudit(trx, {
      actor: options.actor,
      action: 'response.enter',
      entity: 'response',
      entityId: stored.id,
      partnershipId: options.partnershipId,
      detail: { reference: stored.reference, channel: options.channel, receivedAt: stored.submitted_at },
    });
  });
  return { id: stored.id, reference: stored.reference };
}
