import type { Kysely } from 'kysely';
import { fromJson, nowIso, toCount, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { parseOrThrow } from '../../platform/validation.js';
import { checkDefinitionChange } from '../checkDefinitionChange.js';
import { type SurveyDefinition, surveyDefinitionSchema } from '../definition.js';
import { describeDefinitionChange } from './describeChange.js';

export interface SaveSurveyDefinitionOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  definition: SurveyDefinition;
  /** The version the edit was made on: when another version has been saved since, the save is refused. */
  baseVersion?: number;
}

export interface SavedSurvey {
  /** The current version after the save (unchanged when nothing changed). */
  version: number;
  changed: boolean;
  summary: string;
}

/**
 * Saves a new version of a consultation's survey. Once it has responses, changes that would break stored answers
 * (see checkDefinitionChange) are refused with a 409 listing each; wording fixes are allowed. The new version, the
 * consultation's pointer to it and the audit entry are written in one transaction. The caller invalidates the
 * runtime cache (services.runtimes.invalidate) afterwards.
 */
export async function saveSurveyDefinition({
  db,
  actor,
  partnershipId,
  consultationId,
  definition,
  baseVersion,
}: SaveSurveyDefinitionOptions): Promise<SavedSurvey> {
  const next = parseOrThrow(surveyDefinitionSchema, definition);
  return db.transaction().execute(async (trx) => {
    const consultation = await trx
      .selectFrom('consultations')
      .select('survey_version')
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', consultationId)
      .executeTakeFirst();
    if (!consultation) throw notFound('Consultation');
    const from = consultation.survey_version;
    if (baseVersion !== undefined && baseVersion !== from) {
      throw conflict(`The survey has changed since you opened it (version ${from} is now current): reload the page and make your change again`);
    }
    const row = await trx
      .selectFrom('survey_versions')
      .select('definition')
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .where('version', '=', from)
      .executeTakeFirstOrThrow();
    const current = fromJson<SurveyDefinition>(row.definition, {
      schemaVersion: 1,
      title: '',
      pages: [],
    });
    const change = describeDefinitionChange(current, next);
    if (change.summary === 'no change') return { version: from, changed: false, summary: change.summary };

    const counted = await trx
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .executeTakeFirstOrThrow();
    const responses = toCount(counted.n);
    if (responses > 0) {
      const breaking = checkDefinitionChange(current, next);
      if (breaking.length) {
        throw new AppError(
          'conflict',
          409,
          `This survey has ${responses} ${responses === 1 ? 'response' : 'responses'}: the change would break stored answers, so nothing was saved`,
          breaking.map((b) => ({ field: b.code, message: b.message })),
        );
      }
    }

    const to = from + 1;
    // Guarded by the version read above: a concurrent save of the same version updates nothing and is refused.
    const moved = await trx
      .updateTable('consultations')
      .set({ survey_version: to })
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', consultationId)
      .where('survey_version', '=', from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw conflict('Someone else saved the survey at the same time: reload the page and make your change again');
    await trx
      .insertInto('survey_versions')
      .values({
        partnership_id: partnershipId,
        consultation_id: consultationId,
        version: to,
        definition: toJson(next),
        created_at: nowIso(),
      })
      .execute();
    const { summary, ...detail } = change;
    await recordAudit(trx, {
      actor,
      action: 'survey.edit',
      entity: 'consultation',
      entityId: consultationId,
      partnershipId,
      detail: {
        fromVersion: from,
        toVersion: to,
        summary,
        responses,
        ...detail,
      },
    });
    return { version: to, changed: true, summary };
  });
}
