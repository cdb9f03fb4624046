import type { Kysely } from 'kysely';
import { fromJson, nowIso, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { conflict, type FieldError, validationFailed } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { keepOriginals } from '../../redaction/index.js';
import type { Answers, SurveyDefinition, Ward } from '../../surveys/index.js';
import { checkAnswers } from '../checkAnswers.js';
import { bumpResponsesRevision } from '../queries/importRecords.js';
import { storedResponse } from './queries/storedResponse.js';
import { checkReason } from './reason.js';

export interface CorrectResponseOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  reference: string;
  /** The version the corrected answers were made from: a response changed since is refused rather than overwritten. */
  fromVersion: number;
  /** Raw answers keyed by question code, as typed into the form. */
  answers: Record<string, unknown>;
  reason: string;
  /** The survey version the response was given under, and the partnership's wards. */
  definition: SurveyDefinition;
  wards: Ward[];
}

/** The codes whose answers differ, in the order of the new answers (then any the new answers no longer have). */
export function changedCodes(before: Answers, after: Answers): string[] {
  const codes = [...Object.keys(after), ...Object.keys(before).filter((c) => !(c in after))];
  return codes.filter((c) => JSON.stringify(before[c] ?? null) !== JSON.stringify(after[c] ?? null));
}

/**
 * Corrects a response's answers, checked as key-in checks them (paper and imported responses may leave questions
 * blank). The answers replaced are kept as a version with who, when and why; the change is audited and the
 * consultation's responses revision moves (analysis reads the answers again), all in one transaction.
 */
export async function correctResponse(options: CorrectResponseOptions): Promise<{ version: number; changed: string[] }> {
  const { db, actor, partnershipId, consultationId, reference } = options;
  const reason = checkReason(options.reason, 'Enter why you are correcting this response');
  return db.transaction().execute(async (trx) => {
    const current = await storedResponse(trx, { partnershipId, consultationId, reference });
    if (current.withdrawn_at !== null) throw conflict(`Response ${reference} is withdrawn: an admin must restore it before it can be corrected`);
    if (current.version !== options.fromVersion) {
      throw conflict(`Response ${reference} was changed by someone else after you opened it. Open it again to see its answers now.`);
    }
    const checked = checkAnswers(options.definition, options.answers, {
      wards: options.wards,
      // A response that did not come through the online form may leave any question blank, as it came back.
      keyedIn: current.channel !== 'online',
    });
    const problems: FieldError[] = checked.ok ? [] : [...checked.errors];
    if (reason.error) problems.push(reason.error);
    if (!checked.ok || reason.error) throw validationFailed(problems);
    const changed = changedCodes(fromJson<Answers>(current.answers, {}), checked.answers);
    if (changed.length === 0) throw validationFailed([{ field: 'form', message: 'No answer was changed: change an answer, or cancel' }]);

    const version = current.version + 1;
    // The guarded update first: a correction made meanwhile holds the row, and this one then updates nothing.
    const updated = await trx
      .updateTable('responses')
      .set({ answers: toJson(checked.answers), version })
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict(`Response ${reference} was changed by someone else at the same time. Open it again.`);
    await trx
      .insertInto('response_versions')
      .values({
        partnership_id: partnershipId,
        response_id: current.id,
        version: current.version,
        survey_version: current.survey_version,
        answers: current.answers,
        changed_by_id: actor.id,
        changed_by: actor.label,
        changed_at: nowIso(),
        reason: reason.text,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'response.correct',
      entity: 'response',
      entityId: current.id,
      partnershipId,
      detail: { reference, consultationId, version, reason: reason.text, changed },
    });
    await keepOriginals(trx, { partnershipId, responseId: current.id, originals: checked.originals });
    await bumpResponsesRevision(trx, partnershipId, consultationId);
    return { version, changed };
  });
}
