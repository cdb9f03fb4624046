/** Partnership B of the tenant-isolation suite: another partnership's real data, for partnership A's staff to aim at. */
import type { Kysely } from 'kysely';
import { drawBlindSample, openCodebook } from '../src/coding/index.js';
import type { Consultation } from '../src/consultations/index.js';
import { loadSurveyDefinition } from '../src/consultations/index.js';
import { createInvitations } from '../src/consultations/invitations/createInvitations.js';
import { requestWithdrawal } from '../src/dataProtection/index.js';
import type { DbHandle } from '../src/db/database.js';
import type { Database } from '../src/db/schema.js';
import { createPlan } from '../src/plan/createPlan.js';
import { linkEvidence, saveAction, saveImpact, saveMeasure, savePriority } from '../src/plan/editPlan.js';
import { quoteItem } from '../src/plan/evidence/quotes.js';
import { addIntervention, addPccPriority } from '../src/plan/library.js';
import { loadPlan } from '../src/plan/queries/loadPlan.js';
import { saveVersion } from '../src/plan/versions/saveVersion.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { addStakeholder } from '../src/stakeholders/manageStakeholders.js';
import { saveSmtpSettings } from '../src/stakeholders/smtpSettings.js';
import { saveLlmSettings } from '../src/suggestions/settings/saveLlmSettings.js';
import type { SurveyDefinition } from '../src/surveys/index.js';
import { addText } from '../src/workshops/manageItems.js';
import { createWorkshop, setAttendees } from '../src/workshops/manageWorkshops.js';
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
  /** A closed consultation with comments and a codebook, for the coding routes (src/coding/). */
  coding: CodingTargets;
  /** B's stakeholders and workshop, for the register and workshop routes. */
  engagement: EngagementTargets;
  /** A finished recorded-crime import of B's, for its progress page. */
  crimeImportId: string;
  /** B's plan, for the plan routes (src/plan/). */
  plan: PlanTargets;
  /** A finished report of B's (src/reports/), for its progress page and download. */
  reportRunId: string;
  /** A pending request to withdraw the Crime Survey response (src/dataProtection/). */
  withdrawalRequestId: string;
}

/** Ids in B's plan: each kind of row, and a second one of those the probes remove. */
export interface PlanTargets {
  planId: string;
  themeId: string;
  priorityId: string;
  removablePriorityId: string;
  /** A quote of a comment in B's coded consultation, linked to the priority. */
  evidenceId: string;
  actionId: string;
  removableActionId: string;
  measureId: string;
  impactId: string;
  removableImpactId: string;
  pccId: string;
  removablePccId: string;
}

/** B's plan: its library, two priorities (each row kind twice where a probe removes one), a quote linked, and a version. */
async function buildPlan(db: Kysely<Database>, partnershipId: string, coding: CodingTargets): Promise<PlanTargets> {
  const actor = cliActor();
  const library = { db, actor, partnershipId };
  const pccId = await addPccPriority(library, { title: 'Betaford PCC priority', summary: '' });
  const removablePccId = await addPccPriority(library, { title: 'Betaford second PCC priority', summary: '' });
  const emmie = { effect: 'reduces' as const, evidence: 2, mechanism: 1, moderators: 1, implementation: 1, economic: 0 };
  await addIntervention(library, { title: 'Betaford intervention', summary: '', source: '', ...emmie });
  const planId = await createPlan({
    db,
    actor,
    partnershipId,
    plan: { title: 'Betaford plan', startsOn: '2025-04-01', endsOn: '2028-03-31', consultationId: '' },
  });
  const scope = { db, actor, partnershipId, planId };
  const themeId = (await loadPlan(db, partnershipId, planId))?.themes[0]?.id ?? '';
  const priority = (title: string) => savePriority(scope, null, { themeId, title, rationale: '', dimensions: ['place'], pccPriorityIds: [pccId] });
  const priorityId = await priority('Betaford priority');
  const removablePriorityId = await priority('Betaford second priority');
  const quote = await quoteItem(db, partnershipId, { consultation: coding.consultation.id, reference: coding.reference, question: 'feel_safer' });
  if (!quote) throw new Error('buildPlan: no comment to quote');
  const evidenceId = await linkEvidence(scope, priorityId, { kind: quote.kind, ref: quote.ref, label: quote.label, value: quote.value });
  const action = (title: string) =>
    saveAction(scope, priorityId, null, {
      title,
      leadPartner: 'Betaford Police',
      supportingPartners: '',
      startsOn: null,
      dueOn: null,
      resources: '',
      interventionId: '',
    });
  const impact = (groupLabel: string) =>
    saveImpact(scope, priorityId, null, { groupKind: 'protected', groupLabel, impact: 'positive', evidence: '', breakdown: '', mitigation: '' });
  const targets: PlanTargets = {
    planId,
    themeId,
    priorityId,
    removablePriorityId,
    evidenceId,
    actionId: await action('Betaford action'),
    removableActionId: await action('Betaford second action'),
    measureId: await saveMeasure(scope, priorityId, null, {
      indicator: 'Betaford measure',
      baseline: null,
      baselineNote: '',
      target: 'More',
      source: 'Betaford Police',
      frequency: 'quarterly',
    }),
    impactId: await impact('Betaford group'),
    removableImpactId: await impact('Betaford second group'),
    pccId,
    removablePccId,
  };
  await saveVersion({ db, actor, partnershipId, planId, version: { status: 'consultation', decidedOn: null, decidedBy: '' } });
  return targets;
}

/** Ids in B's register and workshop: a contact to change, one to remove, the workshop, two items, two priorities, a voting token. */
export interface EngagementTargets {
  stakeholderId: string;
  removableId: string;
  workshopId: string;
  itemId: string;
  removableItemId: string;
  candidateId: string;
  removableCandidateId: string;
}

/** B's register (two contacts), a workshop with one on its list, two items, two priorities, and SMTP and LLM settings pointing nowhere. */
async function buildEngagement(db: Kysely<Database>, partnershipId: string, consultationId: string): Promise<EngagementTargets> {
  const actor = cliActor();
  const base = { db, actor, partnershipId };
  const contact = { organisation: 'Betaford Police', sector: 'police', phone: '', role: '' };
  const stakeholderId = await addStakeholder({ ...base, fields: { ...contact, contactName: 'Betaford Contact', email: 'contact@betaford.example' } });
  const removableId = await addStakeholder({ ...base, fields: { ...contact, contactName: 'Betaford Other', email: 'other@betaford.example' } });
  const workshopId = await createWorkshop({
    ...base,
    fields: {
      title: 'Betaford workshop',
      heldOn: '2024-09-10',
      theme: 'place',
      customTheme: '',
      consultationId,
      evidence: '',
      evidenceLinks: '',
      dots: '3',
    },
  });
  await setAttendees({ ...base, workshopId, stakeholderIds: [stakeholderId] });
  const text = (kind: 'item' | 'candidate', t: string) => addText({ ...base, workshopId, kind, text: t });
  // Unreachable on purpose: B's admin sending invitations gets each person's failure on a page, and nothing changes.
  await saveSmtpSettings({
    ...base,
    secret: 'unused-secret-unused-secret-unused',
    fields: { host: '127.0.0.1', port: '9', security: 'none', username: '', password: '', fromAddress: 'csp@betaford.example' },
  });
  // Unreachable too: B's admin asking the LLM gets the run started (it fails in the background), and A nothing.
  await saveLlmSettings({
    ...base,
    secret: 'unused-secret-unused-secret-unused',
    settings: { baseUrl: 'http://127.0.0.1:9/v1', model: 'betaford-model', apiKey: '', removeKey: false },
  });
  return {
    stakeholderId,
    removableId,
    workshopId,
    itemId: await text('item', 'Betaford item'),
    removableItemId: await text('item', 'Betaford second item'),
    candidateId: await text('candidate', 'Betaford priority'),
    removableCandidateId: await text('candidate', 'Betaford second priority'),
  };
}

/** B's coded consultation: a commented answer, one in the blind sample, and themes to edit, merge into, split and remove. */
export interface CodingTargets {
  consultation: Consultation;
  reference: string;
  blindReference: string;
  unitKey: string;
  keepId: string;
  mergeId: string;
  removeId: string;
  splitId: string;
}

async function buildCodingTargets(handle: DbHandle, partnershipId: string): Promise<CodingTargets> {
  const { db } = handle;
  const consultation = await buildConsultation({ db, partnershipId, stage: 'closed', title: 'Betaford comments' });
  const comments = ['Betaford needs more lights', 'Betaford needs more patrols', 'Betaford has speeding'];
  await buildResponses({ handle, consultation, answers: comments.map((feel_safer) => ({ ...crimeAnswers(undefined), feel_safer })) });
  const themes = await openCodebook(db, cliActor(), { partnershipId, consultationId: consultation.id });
  await drawBlindSample({ db, actor: cliActor(), consultation, size: 1 });
  const sampled = await db.selectFrom('blind_samples').select('unit_key').where('partnership_id', '=', partnershipId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('responses').select(['id', 'reference']).where('consultation_id', '=', consultation.id).execute();
  const refOf = (unitKey: string) => rows.find((r) => unitKey.includes(r.id))?.reference ?? '';
  const other = rows.find((r) => !sampled.unit_key.includes(r.id)) ?? rows[0];
  const id = (code: string) => themes.find((t) => t.code === code)?.id ?? '';
  return {
    consultation,
    reference: other?.reference ?? '',
    blindReference: refOf(sampled.unit_key),
    unitKey: `answer:${other?.id}:feel_safer`,
    keepId: id('street_lighting'),
    mergeId: id('burglary'),
    removeId: id('vehicle_crime'),
    splitId: id('police_visibility'),
  };
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
  const coding = await buildCodingTargets(handle, partnershipId);
  const engagement = await buildEngagement(db, partnershipId, crime.id);
  const plan = await buildPlan(db, partnershipId, coding);
  const crimeImportId = '0b0b0b0b-0000-4000-8000-000000000001';
  await db
    .insertInto('crime_imports')
    .values({
      id: crimeImportId,
      partnership_id: partnershipId,
      status: 'done',
      started_at: '2026-01-05T10:00:00.000Z',
      heartbeat_at: '2026-01-05T10:00:00.000Z',
      finished_at: '2026-01-05T10:00:01.000Z',
      started_by: admin.email,
      files: '["betaford-street.csv"]',
      summary: null,
    })
    .execute();
  const reportRunId = '0b0b0b0b-0000-4000-8000-000000000002';
  await db
    .insertInto('report_runs')
    .values({
      partnership_id: partnershipId,
      id: reportRunId,
      kind: 'committee',
      format: 'html',
      params: '{}',
      status: 'done',
      progress: 100,
      message: 'Ready',
      file_name: 'betaford-committee-note.html',
      content: Buffer.from('<!DOCTYPE html><title>Betaford</title><p>Betaford committee note</p>'),
      created_at: '2026-01-05T10:00:00.000Z',
      created_by: admin.email,
      finished_at: '2026-01-05T10:00:01.000Z',
    })
    .execute();
  await db
    .insertInto('partner_datasets')
    .values({
      partnership_id: partnershipId,
      name: 'Betaford fires',
      mapping: '{"date":"Date","fixedCategory":"Deliberate fire","postcode":"Postcode"}',
      updated_at: '2026-01-05T10:00:00.000Z',
      updated_by: admin.email,
    })
    .execute();
  await requestWithdrawal(db, { partnershipId, reference: crimeReference, note: '' });
  const { id: withdrawalRequestId } = await db
    .selectFrom('withdrawal_requests')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirstOrThrow();
  const b: TenantB = {
    withdrawalRequestId,
    crimeImportId,
    reportRunId,
    coding,
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
    engagement,
    plan,
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
    'codebooks',
    'codebook_themes',
    'coding_units',
    'unit_reviews',
    'codings',
    'blind_samples',
    'stakeholders',
    'smtp_settings',
    'workshops',
    'workshop_attendees',
    'workshop_items',
    'workshop_candidates',
    'workshop_votes',
    'llm_settings',
    'llm_runs',
    'boundaries',
    'redaction_settings',
    'response_originals',
    'area_populations',
    'postcodes',
    'crime_imports',
    'crime_records',
    'crime_outcomes',
    'stop_searches',
    'assessment_scores',
    'partner_datasets',
    'plans',
    'priority_themes',
    'plan_priorities',
    'plan_evidence',
    'pcc_priorities',
    'interventions',
    'plan_actions',
    'plan_measures',
    'measure_values',
    'plan_impacts',
    'plan_versions',
    'report_narratives',
    'report_runs',
  ] as const;
  const rows: Record<string, string[]> = {};
  const sorted = (all: unknown[]) => all.map((r) => JSON.stringify(r)).sort();
  rows.partnerships = sorted(await db.selectFrom('partnerships').selectAll().where('id', '=', partnershipId).execute());
  rows.audit_log = sorted(await db.selectFrom('audit_log').selectAll().where('partnership_id', '=', partnershipId).execute());
  for (const table of owned) rows[table] = sorted(await db.selectFrom(table).selectAll().where('partnership_id', '=', partnershipId).execute());
  return rows;
}
