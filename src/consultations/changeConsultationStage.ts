import type { Kysely } from 'kysely';
import { nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { loadConsultation } from './queries/loadConsultation.js';

export const STAGE_ACTIONS = ['schedule', 'open', 'close', 'mark-analysed', 'publish'] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

export interface ChangeStageOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  action: StageAction;
}

const refuse = (message: string) => new AppError('conflict', 409, message);

/**
 * schedule: draft -> follows its dates; open: open now (until its closing date); close: close now (recorded in
 * closed_at; the planned closing date is kept);
 * mark-analysed and publish: only once closed.
 */
export async function changeConsultationStage({ db, actor, partnershipId, consultationId, action }: ChangeStageOptions) {
  const c = await loadConsultation(db, consultationId, partnershipId);
  if (!c) throw notFound('Consultation');
  const now = nowIso();
  const update: { stage?: string; opens_at?: string; closed_at?: string } = {};
  switch (action) {
    case 'schedule':
      if (c.stage !== 'draft') throw refuse(`"${c.title}" is already scheduled`);
      update.stage = 'ready';
      break;
    case 'open':
      if (c.status === 'open') throw refuse(`"${c.title}" is already open`);
      if (c.closedAt && c.endsAt <= now) throw refuse(`"${c.title}" cannot open: it was closed early (an administrator can reopen it)`);
      if (c.closesAt <= now) throw refuse(`"${c.title}" cannot open: its closing date has passed`);
      update.stage = 'ready';
      if (c.opensAt > now) update.opens_at = now;
      break;
    case 'close':
      if (c.status !== 'open' && c.status !== 'scheduled') throw refuse(`"${c.title}" is not open (it is ${c.status})`);
      // The planned closing date stays as it was; the time it closed is kept beside it.
      update.closed_at = now;
      if (c.opensAt > now) update.opens_at = now;
      break;
    case 'mark-analysed':
      if (c.status !== 'closed') throw refuse(`"${c.title}" must be closed before it is marked analysed (it is ${c.status})`);
      update.stage = 'analysed';
      break;
    case 'publish':
      if (c.status !== 'closed' && c.status !== 'analysed')
        throw refuse(`"${c.title}" must be closed before its results are published (it is ${c.status})`);
      update.stage = 'published';
      break;
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('consultations').set(update).where('partnership_id', '=', partnershipId).where('id', '=', consultationId).execute();
    await recordAudit(trx, {
      actor,
      action: `consultation.${action}`,
      entity: 'consultation',
      entityId: consultationId,
      partnershipId,
      detail: update,
    });
  });
  return (await loadConsultation(db, consultationId, partnershipId))!;
}
