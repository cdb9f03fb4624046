import type { Kysely, Transaction } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { Answers, SurveyDefinition } from '../../surveys/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Every version of the consultation's survey. */
export async function surveyDefinitions(db: Db, partnershipId: string, consultationId: string): Promise<SurveyDefinition[]> {
  const rows = await db
    .selectFrom('survey_versions')
    .select('definition')
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .execute();
  return rows.map((r) => fromJson<SurveyDefinition>(r.definition, { schemaVersion: 1, title: '', pages: [] }));
}

/** Every stored response of the consultation (withdrawn ones too) with its answers. */
export async function responseAnswers(db: Db, partnershipId: string, consultationId: string): Promise<{ id: string; answers: Answers }[]> {
  const rows = await db
    .selectFrom('responses')
    .select(['id', 'answers'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .execute();
  return rows.map((r) => ({ id: r.id, answers: fromJson<Answers>(r.answers, {}) }));
}

/** The answers corrections replaced, for the consultation's responses. */
export async function replacedAnswers(db: Db, partnershipId: string, consultationId: string) {
  const rows = await db
    .selectFrom('response_versions as v')
    .innerJoin('responses as r', (join) => join.onRef('r.partnership_id', '=', 'v.partnership_id').onRef('r.id', '=', 'v.response_id'))
    .select(['v.response_id', 'v.version', 'v.answers'])
    .where('v.partnership_id', '=', partnershipId)
    .where('r.consultation_id', '=', consultationId)
    .execute();
  return rows.map((r) => ({ responseId: r.response_id, version: r.version, answers: fromJson<Answers>(r.answers, {}) }));
}

/** How many texts as typed are kept for the consultation's responses. */
export async function originalsCount(db: Db, partnershipId: string, consultationId: string): Promise<number> {
  const row = await db
    .selectFrom('response_originals as o')
    .innerJoin('responses as r', (join) => join.onRef('r.partnership_id', '=', 'o.partnership_id').onRef('r.id', '=', 'o.response_id'))
    .select((eb) => eb.fn.countAll().as('n'))
    .where('o.partnership_id', '=', partnershipId)
    .where('r.consultation_id', '=', consultationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many decided withdrawal requests of the consultation still hold the respondent's note. */
export async function decidedNotesCount(db: Db, partnershipId: string, consultationId: string): Promise<number> {
  const row = await db
    .selectFrom('withdrawal_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where('status', '!=', 'pending')
    .where('note', '!=', '')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
