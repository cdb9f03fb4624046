/** What a partnership keeps beside its plans: the Police and Crime Commissioner's priorities and a "what works" library. */
import type { Kysely } from 'kysely';
import { newId, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import type { InterventionInput } from './schema.js';

interface Scope {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
}

export async function addPccPriority(scope: Scope, p: { title: string; summary: string }): Promise<string> {
  const id = newId();
  await scope.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('pcc_priorities')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('partnership_id', '=', scope.partnershipId)
      .executeTakeFirst();
    const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
    await trx
      .insertInto('pcc_priorities')
      .values({ partnership_id: scope.partnershipId, id, position, ...p })
      .execute();
    await recordAudit(trx, {
      actor: scope.actor,
      action: 'plan.pcc.add',
      entity: 'partnership',
      entityId: id,
      partnershipId: scope.partnershipId,
      detail: p,
    });
  });
  return id;
}

export async function removePccPriority(scope: Scope, id: string): Promise<void> {
  await scope.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('pcc_priorities').where('partnership_id', '=', scope.partnershipId).where('id', '=', id).executeTakeFirst();
    if (!Number(removed.numDeletedRows)) throw notFound('PCC priority');
    await recordAudit(trx, {
      actor: scope.actor,
      action: 'plan.pcc.remove',
      entity: 'partnership',
      entityId: id,
      partnershipId: scope.partnershipId,
    });
  });
}

export async function addIntervention(scope: Scope, i: InterventionInput): Promise<string> {
  const id = newId();
  const { title, summary, source, ...emmie } = i;
  await scope.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('interventions')
      .values({ partnership_id: scope.partnershipId, id, title, summary, source, emmie: toJson(emmie) })
      .execute();
    await recordAudit(trx, {
      actor: scope.actor,
      action: 'plan.intervention.add',
      entity: 'partnership',
      entityId: id,
      partnershipId: scope.partnershipId,
      detail: { title },
    });
  });
  return id;
}
