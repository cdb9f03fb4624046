/** A new plan, starting with the partnership's themes (the seed's three when it has none), audited. */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { listPlanThemes } from '../partnerships/index.js';
import { validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { SEED_THEMES } from './planTerms.js';
import type { PlanInput } from './schema.js';

export async function createPlan(o: { db: Kysely<Database>; actor: Actor; partnershipId: string; plan: PlanInput }): Promise<string> {
  const { db, partnershipId, plan } = o;
  const consultationId = plan.consultationId || null;
  if (consultationId) {
    const found = await db
      .selectFrom('consultations')
      .select('id')
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', consultationId)
      .executeTakeFirst();
    if (!found) throw validationFailed([{ field: 'consultationId', message: 'Choose one of this partnership’s consultations' }]);
  }
  const partnershipThemes = await listPlanThemes(db, partnershipId);
  const themes = partnershipThemes.length ? partnershipThemes : SEED_THEMES;
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plans')
      .values({
        partnership_id: partnershipId,
        id,
        title: plan.title,
        starts_on: plan.startsOn,
        ends_on: plan.endsOn,
        consultation_id: consultationId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('priority_themes')
      .values(
        themes.map((t, position) => ({ partnership_id: partnershipId, id: newId(), plan_id: id, position, title: t.title, summary: t.summary })),
      )
      .execute();
    await recordAudit(trx, { actor: o.actor, action: 'plan.create', entity: 'plan', entityId: id, partnershipId, detail: { title: plan.title } });
  });
  return id;
}
