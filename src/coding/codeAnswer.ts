import type { Kysely } from 'kysely';
import { fromBool, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { forbidden, validationFailed } from '../platform/errors.js';
import type { Actor } from '../platform/recordAudit.js';
import { listThemes } from './queries/listThemes.js';
import { audit } from './saveTheme.js';
import { type CodingPass, type CodingUnit, unitRow } from './units.js';

export const NOTE_LIMIT = 2000;

export interface CodeAnswerOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  answer: CodingUnit;
  pass: CodingPass;
  /** The themes the answer has after saving (several allowed; none means looked at and given no theme). */
  themeIds: readonly string[];
  note: string;
  quotable: boolean;
  source?: 'manual' | 'import';
}

/**
 * Saves an analyst's coding of one answer in one pass: exactly these themes, the note and the quotable flag. The audit
 * entry names the answer and the themes added and removed.
 */
export async function codeAnswer(o: CodeAnswerOptions): Promise<{ added: string[]; removed: string[] }> {
  const { db, actor, partnershipId, consultationId, answer, pass } = o;
  const note = o.note.trim();
  if (note.length > NOTE_LIMIT)
    throw validationFailed([{ field: 'note', message: `The note must be ${NOTE_LIMIT.toLocaleString('en-GB')} characters or fewer` }]);
  const { unitKey } = answer;
  return db.transaction().execute(async (trx) => {
    const themes = await listThemes(trx, partnershipId, consultationId);
    const wanted = [...new Set(o.themeIds)];
    if (wanted.some((id) => !themes.some((t) => t.id === id)))
      throw validationFailed([{ field: 'themes', message: 'Choose themes from this codebook' }]);
    if (pass === 'blind') {
      const drawn = await trx
        .selectFrom('blind_samples')
        .select('unit_key')
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('unit_key', '=', unitKey)
        .executeTakeFirst();
      if (!drawn) throw forbidden('This answer is not in the blind sample');
    }
    const at = nowIso();
    await trx
      .insertInto('coding_units')
      .values(unitRow(partnershipId, consultationId, answer, at))
      .onConflict((oc) => oc.columns(['partnership_id', 'consultation_id', 'unit_key']).doNothing())
      .execute();
    const unit = (q: typeof trx) =>
      q
        .selectFrom('codings')
        .select('theme_id')
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('unit_key', '=', unitKey)
        .where('pass', '=', pass);
    const had = (await unit(trx).execute()).map((r) => r.theme_id);
    const added = wanted.filter((id) => !had.includes(id));
    const removed = had.filter((id) => !wanted.includes(id));
    if (removed.length)
      await trx
        .deleteFrom('codings')
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('unit_key', '=', unitKey)
        .where('pass', '=', pass)
        .where('theme_id', 'in', removed)
        .execute();
    if (added.length)
      await trx
        .insertInto('codings')
        .values(
          added.map((theme_id) => ({
            partnership_id: partnershipId,
            consultation_id: consultationId,
            unit_key: unitKey,
            pass,
            theme_id,
            source: o.source ?? 'manual',
            coded_by_id: actor.id,
            coded_by: actor.label,
            coded_at: at,
          })),
        )
        .execute();
    const review = { note, quotable: fromBool(o.quotable), reviewed_by_id: actor.id, reviewed_by: actor.label, reviewed_at: at };
    await trx
      .insertInto('unit_reviews')
      .values({ partnership_id: partnershipId, consultation_id: consultationId, unit_key: unitKey, pass, ...review })
      .onConflict((oc) => oc.columns(['partnership_id', 'consultation_id', 'unit_key', 'pass']).doUpdateSet(review))
      .execute();
    const codeOf = (id: string) => themes.find((t) => t.id === id)?.code ?? id;
    const result = { added: added.map(codeOf), removed: removed.map(codeOf) };
    await audit(trx, actor, pass === 'blind' ? 'coding.code-blind' : 'coding.code', partnershipId, consultationId, {
      reference: answer.reference,
      question: answer.questionCode,
      ...result,
      quotable: o.quotable,
      note: note !== '',
    });
    return result;
  });
}
