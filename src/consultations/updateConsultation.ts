import type { Kysely } from 'kysely';
import { toJson } from '../db/columnTypes.js';
import type { ConsultationsTable, Database } from '../db/schema.js';
import { listPlanThemes } from '../partnerships/index.js';
import { notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { type Consultation, loadConsultation } from './queries/loadConsultation.js';
import { type ConsultationChanges, consultationChangesSchema } from './schema.js';

export interface UpdateConsultationOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  /** Only what is given changes. */
  changes: ConsultationChanges;
}

type Column = keyof Pick<
  ConsultationsTable,
  'title' | 'summary' | 'purpose' | 'privacy_notice' | 'audiences' | 'results_visibility' | 'topics' | 'opens_at' | 'closes_at'
>;

/** Each stored column as it is now, in the form the update writes it. */
const stored = (c: Consultation): Record<Column, string> => ({
  title: c.title,
  summary: c.summary,
  purpose: c.purpose,
  privacy_notice: c.privacyNotice,
  audiences: toJson(c.audiences),
  results_visibility: c.resultsVisibility,
  topics: toJson(c.topics),
  opens_at: c.opensAt,
  closes_at: c.closesAt,
});

/**
 * Changes a consultation's details (title, summary, purpose, privacy notice, who can take part, results visibility,
 * topics, dates) with the rules that apply at creation: the closing date after the opening date, topics from the
 * partnership's plan themes. Its address (slug) stays, so links already given out keep working. The audit entry
 * holds each changed column before and after; nothing changed writes nothing. Returns the consultation and the
 * columns that changed.
 */
export async function updateConsultation({ db, actor, partnershipId, consultationId, changes }: UpdateConsultationOptions) {
  const input = parseOrThrow(consultationChangesSchema, changes);
  const c = await loadConsultation(db, consultationId, partnershipId);
  if (!c) throw notFound('Consultation');
  const opensAt = input.opens ?? c.opensAt;
  const closesAt = input.closes ?? c.closesAt;
  if (closesAt <= opensAt) {
    const field = input.closes !== undefined || input.opens === undefined ? 'closes' : 'opens';
    throw validationFailed([
      { field, message: field === 'closes' ? 'The closing date must be after the opening date' : 'The opening date must be before the closing date' },
    ]);
  }
  if (input.topics) {
    const themes = new Set((await listPlanThemes(db, partnershipId)).map((t) => t.id));
    const unknown = input.topics.filter((t) => !themes.has(t));
    if (unknown.length)
      throw validationFailed([{ field: 'topics', message: `Topics must be the partnership's plan themes, not: ${unknown.join(', ')}` }]);
  }
  const next: Partial<Record<Column, string>> = {
    title: input.title,
    summary: input.summary,
    purpose: input.purpose,
    privacy_notice: input.privacyNotice,
    audiences: input.audiences && toJson(input.audiences),
    results_visibility: input.resultsVisibility,
    topics: input.topics && toJson([...new Set(input.topics)]),
    opens_at: input.opens,
    closes_at: input.closes,
  };
  const before = stored(c);
  const changed = (Object.keys(next) as Column[]).filter((k) => next[k] !== undefined && next[k] !== before[k]);
  if (changed.length === 0) return { consultation: c, changed };
  const set = Object.fromEntries(changed.map((k) => [k, next[k]]));
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('consultations').set(set).where('partnership_id', '=', partnershipId).where('id', '=', consultationId).execute();
    await recordAudit(trx, {
      actor,
      action: 'consultation.update',
      entity: 'consultation',
      entityId: consultationId,
      partnershipId,
      detail: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: set },
    });
  });
  return { consultation: (await loadConsultation(db, consultationId, partnershipId))!, changed };
}
