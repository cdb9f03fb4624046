import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { listPlanThemes } from '../partnerships/index.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { COMMON_THEMES } from './commonThemes.js';
import { listThemes, type Theme } from './queries/listThemes.js';
import { themeCodeOf } from './units.js';

export interface CodebookOf {
  partnershipId: string;
  consultationId: string;
}

/** Creates the codebook inside a transaction when it has none yet: the plan's themes, then the common topics. */
export async function seedCodebookIn(trx: Transaction<Database>, actor: Actor, { partnershipId, consultationId }: CodebookOf): Promise<boolean> {
  const at = nowIso();
  const inserted = await trx
    .insertInto('codebooks')
    .values({ partnership_id: partnershipId, consultation_id: consultationId, seeded_at: at, seeded_by: actor.label })
    .onConflict((oc) => oc.columns(['partnership_id', 'consultation_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  const plan = await listPlanThemes(trx, partnershipId);
  const seeds = [
    ...plan.map((t) => ({
      code: themeCodeOf(t.title),
      name: t.title,
      description: t.summary || 'A theme of the partnership’s plan.',
      origin: 'plan',
    })),
    ...COMMON_THEMES.map((t) => ({ ...t, origin: 'common' })),
  ];
  const seen = new Set<string>();
  const rows = seeds
    .filter((s) => !seen.has(s.code) && seen.add(s.code))
    .map((s, position) => ({
      partnership_id: partnershipId,
      id: newId(),
      consultation_id: consultationId,
      code: s.code,
      name: s.name,
      description: s.description,
      parent_id: null,
      position,
      origin: s.origin,
      created_at: at,
    }));
  if (rows.length) await trx.insertInto('codebook_themes').values(rows).execute();
  await recordAudit(trx, {
    actor,
    action: 'codebook.seed',
    entity: 'consultation',
    entityId: consultationId,
    partnershipId,
    detail: { themes: rows.length, fromPlan: plan.length },
  });
  return true;
}

/** A consultation's codebook, seeded the first time it is opened. */
export async function openCodebook(db: Kysely<Database>, actor: Actor, of: CodebookOf): Promise<Theme[]> {
  const exists = await db
    .selectFrom('codebooks')
    .select('seeded_at')
    .where('partnership_id', '=', of.partnershipId)
    .where('consultation_id', '=', of.consultationId)
    .executeTakeFirst();
  if (!exists) await db.transaction().execute((trx) => seedCodebookIn(trx, actor, of));
  return listThemes(db, of.partnershipId, of.consultationId);
}
