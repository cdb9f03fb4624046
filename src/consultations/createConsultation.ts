import type { Kysely } from 'kysely';
import { fromBool, newId, nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { listPlanThemes } from '../partnerships/index.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { firstFreeSlug, slugify } from '../platform/slugify.js';
import { parseOrThrow } from '../platform/validation.js';
import { DEFAULT_LEGAL_BASIS, TEMPLATES } from '../surveys/index.js';
import { type NewConsultation, newConsultationSchema } from './schema.js';

export interface CreateConsultationOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultation: NewConsultation;
  isDemo?: boolean;
}

/** Creates a draft consultation with version 1 of its survey from the chosen template and the partnership's plan themes. */
/**
 * The partnership's own pages beside its consultations under /p/:slug/ (its statements, its plan, the withdrawal
 * form): never a consultation's slug.
 */
const PARTNERSHIP_PAGE_SLUGS = ['accessibility', 'privacy', 'plan', 'withdraw'];

export async function createConsultation({ db, actor, partnershipId, consultation, isDemo = false }: CreateConsultationOptions) {
  const input = parseOrThrow(newConsultationSchema, consultation);
  const template = TEMPLATES[input.template];
  const id = newId();
  const createdAt = nowIso();
  const themes = await listPlanThemes(db, partnershipId);
  return db.transaction().execute(async (trx) => {
    const base = slugify(input.title);
    const taken = new Set([
      ...PARTNERSHIP_PAGE_SLUGS,
      ...(
        await trx.selectFrom('consultations').select('slug').where('partnership_id', '=', partnershipId).where('slug', 'like', `${base}%`).execute()
      ).map((r) => r.slug),
    ]);
    const slug = firstFreeSlug(base, taken);
    await trx
      .insertInto('consultations')
      .values({
        partnership_id: partnershipId,
        id,
        slug,
        template: template.id,
        title: input.title,
        summary: input.summary || template.summary,
        purpose: input.purpose || template.purpose,
        legal_basis: input.legalBasis || DEFAULT_LEGAL_BASIS,
        privacy_notice: input.privacyNotice || template.privacyNotice,
        audiences: toJson(template.audiences),
        stage: 'draft',
        opens_at: input.opens,
        closes_at: input.closes,
        results_visibility: input.resultsVisibility,
        survey_version: 1,
        is_demo: fromBool(isDemo),
        created_at: createdAt,
      })
      .execute();
    await trx
      .insertInto('survey_versions')
      .values({
        partnership_id: partnershipId,
        consultation_id: id,
        version: 1,
        definition: toJson(template.definition({ title: input.title, themes })),
        created_at: createdAt,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'consultation.create',
      entity: 'consultation',
      entityId: id,
      partnershipId,
      detail: { title: input.title, template: template.id },
    });
    return { id, slug };
  });
}
