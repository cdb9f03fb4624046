/**
 * The demo Crime Survey's comments arrive partly coded: about two in three coded by the demo's analyst with the
 * codebook's common topics (a keyword rule stands in for a person reading them), some marked quotable, and a blind
 * sample of 24 coded again by a second analyst who sees some answers differently. The rest are left for the visitor.
 */
import type { DemoContext } from '../../app/capability.js';
import { loadConsultation } from '../../consultations/index.js';
import { fromBool, nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../platform/recordAudit.js';
import { openCodebook } from '../openCodebook.js';
import { textAnswers } from '../queries/textAnswers.js';
import { unitRow } from '../units.js';

/** Words in a comment and the theme (by code) they stand for. */
const RULES: readonly [RegExp, string][] = [
  [/police|pcso|bobbies|patrol|officers/i, 'police_visibility'],
  [/light|bushes/i, 'street_lighting'],
  [/cctv|camera/i, 'cctv'],
  [/fly-tipping|bins|litter|abandoned cars/i, 'fly_tipping'],
  [/youth|young people|children|schools/i, 'youth_provision'],
  [/drug/i, 'drugs'],
  [/101|report/i, 'reporting'],
  [/speed|traffic/i, 'speeding_road_safety'],
  [/wardens|street drinking|off-road|problem tenants/i, 'anti_social_behaviour'],
  [/neighbourhood watch|community events|neighbours/i, 'community_engagement'],
  [/buses|taxis|routes home|sentences|empty shops|women/i, 'other'],
];

export function demoThemesOf(text: string): string[] {
  return RULES.filter(([pattern]) => pattern.test(text)).map(([, code]) => code);
}

const CODED_SHARE = 2 / 3;
const BLIND_SAMPLE = 24;

export async function loadDemoCodings({ handle, actor, loaded }: DemoContext): Promise<Record<string, unknown>> {
  const crimeSurveyId = (loaded.consultations as { crimeSurveyId?: string } | undefined)?.crimeSurveyId;
  if (!loaded.partnershipId || !crimeSurveyId) return {};
  const { db } = handle;
  const consultation = await loadConsultation(db, crimeSurveyId);
  if (!consultation) return {};
  const of = { partnershipId: consultation.partnershipId, consultationId: consultation.id };
  const already = await db
    .selectFrom('codings')
    .select('unit_key')
    .where('partnership_id', '=', of.partnershipId)
    .where('consultation_id', '=', of.consultationId)
    .executeTakeFirst();
  if (already) return {};
  const themes = await openCodebook(db, actor, of);
  const idOf = new Map(themes.map((t) => [t.code, t.id]));
  const answers = (await textAnswers(db, consultation)).filter((a) => a.questionCode === 'feel_safer');
  const coded = answers.slice(0, Math.round(answers.length * CODED_SHARE));
  const at = nowIso();
  const second = { id: null, label: `${actor.label} (second analyst)` };
  const units: ReturnType<typeof unitRow>[] = [];
  const codings: Database['codings'][] = [];
  const reviews: Database['unit_reviews'][] = [];
  const samples: Database['blind_samples'][] = [];
  const code = (
    a: (typeof answers)[number],
    pass: 'primary' | 'blind',
    codes: string[],
    quotable: boolean,
    by: { id: string | null; label: string },
  ) => {
    for (const c of codes) {
      const themeId = idOf.get(c);
      if (themeId)
        codings.push({
          partnership_id: of.partnershipId,
          consultation_id: of.consultationId,
          unit_key: a.unitKey,
          pass,
          theme_id: themeId,
          source: 'manual',
          coded_by_id: by.id,
          coded_by: by.label,
          coded_at: at,
        });
    }
    reviews.push({
      partnership_id: of.partnershipId,
      consultation_id: of.consultationId,
      unit_key: a.unitKey,
      pass,
      note: '',
      quotable: fromBool(quotable),
      reviewed_by_id: by.id,
      reviewed_by: by.label,
      reviewed_at: at,
    });
  };
  coded.forEach((a, i) => {
    units.push(unitRow(of.partnershipId, of.consultationId, a, at));
    const codes = demoThemesOf(a.text);
    code(a, 'primary', codes, codes.length > 0 && a.text.length > 90 && i % 9 === 0, actor);
    // Every few coded answers go into the blind sample; the second analyst reads one in four differently.
    const k = Math.floor(coded.length / BLIND_SAMPLE);
    if (k > 0 && i % k === 0 && samples.length < BLIND_SAMPLE) {
      samples.push({
        partnership_id: of.partnershipId,
        consultation_id: of.consultationId,
        unit_key: a.unitKey,
        drawn_at: at,
        drawn_by: actor.label,
      });
      const differs = samples.length % 4 === 0;
      code(a, 'blind', differs ? (codes.length > 1 ? codes.slice(1) : ['other']) : codes, false, second);
    }
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < units.length; i += 200)
      await trx
        .insertInto('coding_units')
        .values(units.slice(i, i + 200))
        .execute();
    for (let i = 0; i < codings.length; i += 200)
      await trx
        .insertInto('codings')
        .values(codings.slice(i, i + 200))
        .execute();
    for (let i = 0; i < reviews.length; i += 200)
      await trx
        .insertInto('unit_reviews')
        .values(reviews.slice(i, i + 200))
        .execute();
    if (samples.length) await trx.insertInto('blind_samples').values(samples).execute();
    await recordAudit(trx, {
      actor,
      action: 'coding.demo',
      entity: 'consultation',
      entityId: of.consultationId,
      partnershipId: of.partnershipId,
      detail: { coded: coded.length, codings: codings.filter((c) => c.pass === 'primary').length, blindSample: samples.length },
    });
  });
  return { coding: { crimeSurveyId, coded: coded.length, answers: answers.length } };
}
