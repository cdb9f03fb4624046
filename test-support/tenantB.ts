/** Partnership B of the tenant-isolation suite: another partnership's real data, for partnership A's staff to aim at. */
import type { Kysely } from 'kysely';
import type { Consultation } from '../src/consultations/index.js';
import { loadSurveyDefinition } from '../src/consultations/index.js';
import { createInvitations } from '../src/consultations/invitations/createInvitations.js';
import type { DbHandle } from '../src/db/database.js';
import type { Database } from '../src/db/schema.js';
import { cliActor } from '../src/platform/recordAudit.js';
import type { SurveyDefinition } from '../src/surveys/index.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildResponses, buildUser } from './factories.js';
import type { TestServer } from './httpClient.js';

/** What B holds: an open Crime Survey with responses, an open members' survey, a draft, a closed consultation. */
export interface TenantB {
  partnership: BuiltPartnership;
  crime: Consultation;
  members: Consultation;
  draft: Consultation;
  /** Closed early by staff, for reopening. */
  closed: Consultation;
  /** Codes in the members' survey to aim the builder's routes at. */
  builder: {
    pageCode: string;
    editCode: string;
    moveCode: string;
    removeCode: string;
    choiceCode: string;
    option: string;
    gridCode: string;
    row: string;
  };
  adminEmail: string;
  /** The token of a personal link to B's members' survey (for the links download). */
  invitationToken: string;
  /** The reference of one of the Crime Survey's responses, for the routes that manage a response. */
  crimeReference: string;
  /** A user of B's who is not its admin, for the user management routes. */
  userId: string;
}

/** Codes in a members' survey for the builder's routes: its first ranking and grid, and three long-text questions. */
export function builderTargets(definition: SurveyDefinition): TenantB['builder'] {
  const questions = definition.pages.flatMap((page) => page.questions.map((question) => ({ page: page.code, question })));
  const ranking = questions.find((q) => q.question.type === 'ranking');
  const grid = questions.map((q) => q.question).find((q) => q.type === 'rating_grid');
  const texts = questions.filter((q) => q.question.type === 'long_text').map((q) => q.question.code);
  if (ranking?.question.type !== 'ranking' || !grid || texts.length < 3) throw new Error('builderTargets: not a members survey');
  return {
    pageCode: ranking.page,
    editCode: texts[0] ?? '',
    moveCode: texts[1] ?? '',
    removeCode: texts[2] ?? '',
    choiceCode: ranking.question.code,
    option: ranking.question.options.at(-1)?.value ?? '',
    gridCode: grid.code,
    row: grid.rows.at(-1)?.code ?? '',
  };
}

const crimeAnswers = (wardCode: string | undefined) => ({
  ward: wardCode,
  safe_day: 'very_safe',
  safe_dark: 'a_bit_unsafe',
  safe_centre_day: 'fairly_safe',
  safe_centre_dark: 'very_unsafe',
});

/** Partnership B with its wards and themes, its three consultations (four responses to the Crime Survey), its admin and a viewer. */
export async function buildTenantB({ handle, server }: { handle: DbHandle; server: TestServer }) {
  const { db } = handle;
  const partnership = await buildPartnership({
    db,
    name: 'Betaford Community Safety Partnership',
    wards: ['Bridgend', 'Castlegate', 'Dockside'],
    themes: [
      { id: 'roads', title: 'Safer roads' },
      { id: 'night', title: 'A safe night-time economy' },
    ],
  });
  const partnershipId = partnership.id;
  const crime = await buildConsultation({ db, partnershipId, stage: 'open', title: 'Betaford crime survey' });
  await buildResponses({ handle, consultation: crime, answers: [0, 1, 2, 3].map((i) => crimeAnswers(partnership.wards[i % 3]?.code)) });
  const members = await buildConsultation({ db, partnershipId, template: 'members-survey', stage: 'open', title: 'Betaford members' });
  const draft = await buildConsultation({ db, partnershipId, title: 'Betaford draft' });
  const closed = await buildConsultation({ db, partnershipId, stage: 'closed', title: 'Betaford closed' });
  const admin = await buildUser({ db, role: 'admin', partnershipId, server });
  const user = await buildUser({ db, role: 'viewer', partnershipId });
  const builder = builderTargets(await loadSurveyDefinition(db, members, members.surveyVersion));
  const { created } = await createInvitations({
    db,
    actor: cliActor(),
    partnershipId,
    consultationId: members.id,
    invitees: [{ name: 'Cllr Betaford', email: 'cllr@betaford.example' }],
  });
  const invitationToken = created[0]?.link.split('/').at(-1) ?? '';
  const { reference: crimeReference } = await db
    .selectFrom('responses')
    .select('reference')
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', crime.id)
    .orderBy('reference')
    .executeTakeFirstOrThrow();
  const b: TenantB = {
    partnership,
    crime,
    members,
    draft,
    closed,
    builder,
    adminEmail: admin.email,
    invitationToken,
    crimeReference,
    userId: user.id,
  };
  return { b, admin };
}

/** Every row a partnership owns, table by table, in a stable order: to show that nothing of it changed. */
export async function everythingOf(db: Kysely<Database>, partnershipId: string) {
  const owned = [
    'wards',
    'lsoas',
    'plan_themes',
    'consultations',
    'survey_versions',
    'responses',
    'invitations',
    'partnership_members',
    'partnership_statements',
    'weighting_margins',
    'redaction_settings',
    'response_originals',
  ] as const;
  const rows: Record<string, string[]> = {};
  const sorted = (all: unknown[]) => all.map((r) => JSON.stringify(r)).sort();
  rows.partnerships = sorted(await db.selectFrom('partnerships').selectAll().where('id', '=', partnershipId).execute());
  rows.audit_log = sorted(await db.selectFrom('audit_log').selectAll().where('partnership_id', '=', partnershipId).execute());
  for (const table of owned) rows[table] = sorted(await db.selectFrom(table).selectAll().where('partnership_id', '=', partnershipId).execute());
  return rows;
}
