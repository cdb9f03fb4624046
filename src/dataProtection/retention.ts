/**
 * Retention per consultation (docs/data-protection.md): a set number of months after a consultation ends, its
 * responses' equality answers and postcodes are emptied (in the answers and in every replaced version), the text as
 * typed kept for them is deleted, and respondents' notes on decided withdrawal requests are cleared. The redacted
 * free text and every other answer stay, so results still answer; the stored answer columns are dropped and the
 * responses revision moves, so the analysis reads the answers again. One transaction per consultation, audited.
 */
import type { Kysely, Transaction } from 'kysely';
import { nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { personalCodes, withoutPersonalAnswers } from './personalAnswers.js';
import { decidedNotesCount, originalsCount, replacedAnswers, responseAnswers, surveyDefinitions } from './queries/personalDataOfConsultation.js';
import { type RetentionCandidate, retentionCandidates } from './queries/retentionCandidates.js';

export const DEFAULT_RETENTION_MONTHS = 24;
export const MAX_RETENTION_MONTHS = 120;

/** The moment `months` calendar months after `endsAt` (UTC; the 31st of a short month becomes its last day). */
export function retentionDueAt(endsAt: string, months: number): string {
  const end = new Date(endsAt);
  const target = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(end.getUTCDate(), lastDay));
  target.setUTCHours(end.getUTCHours(), end.getUTCMinutes(), end.getUTCSeconds(), end.getUTCMilliseconds());
  return target.toISOString();
}

export interface RetentionRun {
  partnershipId: string;
  consultationId: string;
  title: string;
  months: number;
  dueAt: string;
  /** Responses whose answers changed. */
  responses: number;
  equalityAnswers: number;
  postcodes: number;
  /** Replaced answer versions that changed. */
  versions: number;
  originals: number;
  notes: number;
}

export interface ApplyRetentionOptions {
  now: Date;
  actor: Actor;
  /** Count what would go, and change nothing (nothing is audited). */
  dryRun?: boolean;
  partnershipId?: string;
  consultationId?: string;
}

/**
 * Applies retention to every consultation whose period has ended (optionally one partnership's, or one), each in its
 * own transaction. Idempotent: a second run finds nothing left and records nothing. Returns what each consultation lost
 * (or, dry, would lose), including those already clean.
 */
export async function applyRetention(db: Kysely<Database>, options: ApplyRetentionOptions): Promise<RetentionRun[]> {
  const now = options.now.toISOString();
  const candidates = await retentionCandidates(db, { now, partnershipId: options.partnershipId, consultationId: options.consultationId });
  const runs: RetentionRun[] = [];
  for (const candidate of candidates) {
    const months = candidate.months ?? DEFAULT_RETENTION_MONTHS;
    const dueAt = retentionDueAt(candidate.endsAt, months);
    if (dueAt > now) continue;
    runs.push(await db.transaction().execute((trx) => retainConsultation(trx, candidate, { ...options, months, dueAt, nowIso: now })));
  }
  return runs;
}

async function retainConsultation(
  trx: Transaction<Database>,
  candidate: RetentionCandidate,
  options: ApplyRetentionOptions & { months: number; dueAt: string; nowIso: string },
): Promise<RetentionRun> {
  const { partnershipId, consultationId } = candidate;
  const codes = personalCodes(await surveyDefinitions(trx, partnershipId, consultationId));
  const run: RetentionRun = {
    partnershipId,
    consultationId,
    title: candidate.title,
    months: options.months,
    dueAt: options.dueAt,
    responses: 0,
    equalityAnswers: 0,
    postcodes: 0,
    versions: 0,
    originals: await originalsCount(trx, partnershipId, consultationId),
    notes: await decidedNotesCount(trx, partnershipId, consultationId),
  };
  const write = !options.dryRun;
  for (const response of await responseAnswers(trx, partnershipId, consultationId)) {
    const scrubbed = withoutPersonalAnswers(response.answers, codes);
    if (scrubbed.equality + scrubbed.postcodes === 0) continue;
    run.responses++;
    run.equalityAnswers += scrubbed.equality;
    run.postcodes += scrubbed.postcodes;
    if (write)
      await trx
        .updateTable('responses')
        .set({ answers: toJson(scrubbed.answers) })
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', response.id)
        .execute();
  }
  for (const version of await replacedAnswers(trx, partnershipId, consultationId)) {
    const scrubbed = withoutPersonalAnswers(version.answers, codes);
    if (scrubbed.equality + scrubbed.postcodes === 0) continue;
    run.versions++;
    if (write)
      await trx
        .updateTable('response_versions')
        .set({ answers: toJson(scrubbed.answers) })
        .where('partnership_id', '=', partnershipId)
        .where('response_id', '=', version.responseId)
        .where('version', '=', version.version)
        .execute();
  }
  const changed = run.responses + run.versions + run.originals + run.notes > 0;
  if (!write || (!changed && candidate.appliedAt)) return run;
  const ofConsultation = trx
    .selectFrom('responses')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId);
  if (run.originals > 0)
    await trx.deleteFrom('response_originals').where('partnership_id', '=', partnershipId).where('response_id', 'in', ofConsultation).execute();
  if (run.notes > 0)
    await trx
      .updateTable('withdrawal_requests')
      .set({ note: '' })
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .where('status', '!=', 'pending')
      .execute();
  if (run.responses > 0) {
    // The stored answer columns hold the equality answers too: dropped, and rebuilt from the answers on the next read.
    await trx.deleteFrom('answer_chunks').where('partnership_id', '=', partnershipId).where('consultation_id', '=', consultationId).execute();
    await trx
      .updateTable('consultations')
      .set((eb) => ({ responses_revision: eb('responses_revision', '+', 1) }))
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', consultationId)
      .execute();
  }
  await trx
    .insertInto('consultation_retention')
    .values({
      partnership_id: partnershipId,
      consultation_id: consultationId,
      months: options.months,
      changed_at: options.nowIso,
      changed_by: options.actor.label,
      applied_at: options.nowIso,
    })
    .onConflict((oc) => oc.columns(['partnership_id', 'consultation_id']).doUpdateSet({ applied_at: options.nowIso }))
    .execute();
  const { partnershipId: _p, consultationId: _c, title: _t, ...counts } = run;
  await recordAudit(trx, {
    actor: options.actor,
    action: 'data.retention-apply',
    entity: 'consultation',
    entityId: consultationId,
    partnershipId,
    detail: counts,
  });
  return run;
}

/** Sets how many months after it ends a consultation's personal details are kept; audited. */
export async function setRetention(
  db: Kysely<Database>,
  options: { actor: Actor; partnershipId: string; consultationId: string; months: number },
): Promise<void> {
  const { months } = options;
  if (!Number.isInteger(months) || months < 1 || months > MAX_RETENTION_MONTHS)
    throw validationFailed([{ field: 'months', message: `Enter the number of months as a whole number from 1 to ${MAX_RETENTION_MONTHS}` }]);
  await db.transaction().execute(async (trx) => {
    const values = { months, changed_at: nowIso(), changed_by: options.actor.label };
    await trx
      .insertInto('consultation_retention')
      .values({ partnership_id: options.partnershipId, consultation_id: options.consultationId, ...values, applied_at: null })
      .onConflict((oc) => oc.columns(['partnership_id', 'consultation_id']).doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor: options.actor,
      action: 'data.retention-set',
      entity: 'consultation',
      entityId: options.consultationId,
      partnershipId: options.partnershipId,
      detail: { months },
    });
  });
}
