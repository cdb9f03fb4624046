import type { Kysely } from 'kysely';
import { nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { loadConsultation } from './queries/loadConsultation.js';
import { reopenSchema } from './schema.js';

export interface ReopenOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  /** Why it is reopened: required, kept in the audit log. */
  reason: string;
  /** A new closing date (UK time, like 2027-10-02): needed when the planned one has passed. */
  closes?: string;
}

/**
 * Reopens a closed (or analysed) consultation: it takes responses again until its planned closing date, or the new
 * one given. The time it was closed is cleared; the audit entry keeps it, the reason and the dates before and after.
 * Who may do this (administrators) is the policy's rule consultation:reopen, asked by the caller.
 */
export async function reopenConsultation({ db, actor, partnershipId, consultationId, reason, closes }: ReopenOptions) {
  const input = parseOrThrow(reopenSchema, { reason, closes: closes || undefined });
  const c = await loadConsultation(db, consultationId, partnershipId);
  if (!c) throw notFound('Consultation');
  if (c.status !== 'closed' && c.status !== 'analysed') throw conflict(`"${c.title}" is not closed (it is ${c.status}), so it cannot be reopened`);
  const now = nowIso();
  const closesAt = input.closes ?? c.closesAt;
  if (closesAt <= now)
    throw validationFailed([
      {
        field: 'closes',
        message: input.closes ? 'The new closing date must be in the future' : 'Its closing date has passed: enter a new closing date',
      },
    ]);
  const before = { stage: c.stage, closes_at: c.closesAt, closed_at: c.closedAt };
  const after = { stage: 'ready', closes_at: closesAt, closed_at: null };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('consultations').set(after).where('partnership_id', '=', partnershipId).where('id', '=', consultationId).execute();
    await recordAudit(trx, {
      actor,
      action: 'consultation.reopen',
      entity: 'consultation',
      entityId: consultationId,
      partnershipId,
      detail: { reason: input.reason, before, after },
    });
  });
  return (await loadConsultation(db, consultationId, partnershipId))!;
}
