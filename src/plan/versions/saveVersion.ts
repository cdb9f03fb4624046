/**
 * A version of the plan: its content frozen as it stands, with its status (draft, out for consultation, approved)
 * and, once approved, the date and who approved it. Versions are never changed afterwards.
 */
import type { Kysely } from 'kysely';
import { fromJson, nowIso, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { frozenContent, type PlanContent } from '../planContent.js';
import type { PlanStatus } from '../planTerms.js';
import { loadPlan } from '../queries/loadPlan.js';
import type { VersionInput } from '../schema.js';

export interface PlanVersion {
  number: number;
  status: PlanStatus;
  decidedOn: string | null;
  decidedBy: string;
  createdAt: string;
  createdBy: string;
}

export async function listVersions(db: Kysely<Database>, partnershipId: string, planId: string): Promise<PlanVersion[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .select(['number', 'status', 'decided_on', 'decided_by', 'created_at', 'created_by'])
    .where('partnership_id', '=', partnershipId)
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    status: r.status as PlanStatus,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export async function versionContent(db: Kysely<Database>, partnershipId: string, planId: string, number: number): Promise<PlanContent | undefined> {
  const row = await db
    .selectFrom('plan_versions')
    .select('content')
    .where('partnership_id', '=', partnershipId)
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? fromJson<PlanContent>(row.content, undefined as unknown as PlanContent) : undefined;
}

export async function saveVersion(o: {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  planId: string;
  version: VersionInput;
}): Promise<number> {
  const content = await loadPlan(o.db, o.partnershipId, o.planId);
  if (!content) throw notFound('Plan');
  return o.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('plan_versions')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('partnership_id', '=', o.partnershipId)
      .where('plan_id', '=', o.planId)
      .executeTakeFirst();
    const number = Number(last?.max ?? 0) + 1;
    await trx
      .insertInto('plan_versions')
      .values({
        partnership_id: o.partnershipId,
        plan_id: o.planId,
        number,
        status: o.version.status,
        content: toJson(frozenContent(content)),
        decided_on: o.version.status === 'approved' ? o.version.decidedOn : null,
        decided_by: o.version.status === 'approved' ? o.version.decidedBy : '',
        created_at: nowIso(),
        created_by: o.actor.label,
      })
      .execute();
    await recordAudit(trx, {
      actor: o.actor,
      action: 'plan.version',
      entity: 'plan',
      entityId: o.planId,
      partnershipId: o.partnershipId,
      detail: { number, ...o.version },
    });
    return number;
  });
}
