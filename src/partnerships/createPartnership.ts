import type { Kysely } from 'kysely';
import { fromBool, newId, nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { firstFreeSlug, slugify } from '../platform/slugify.js';
import { parseOrThrow } from '../platform/validation.js';
import { type NewPartnership, newPartnershipSchema } from './schema.js';

export interface CreatePartnershipOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnership: NewPartnership;
}

export async function createPartnership({ db, actor, partnership }: CreatePartnershipOptions): Promise<{ id: string; slug: string }> {
  const input = parseOrThrow(newPartnershipSchema, partnership);
  const id = newId();
  return db.transaction().execute(async (trx) => {
    const base = slugify(input.name);
    const taken = new Set((await trx.selectFrom('partnerships').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug));
    const slug = firstFreeSlug(base, taken);
    await trx
      .insertInto('partnerships')
      .values({
        id,
        name: input.name,
        slug,
        area_code: input.areaCode ?? null,
        branding: toJson(input.branding),
        is_demo: fromBool(input.isDemo),
        created_at: nowIso(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'partnership.create',
      entity: 'partnership',
      entityId: id,
      partnershipId: id,
      detail: { name: input.name, areaCode: input.areaCode ?? null },
    });
    return { id, slug };
  });
}
