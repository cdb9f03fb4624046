/**
 * Test data in the style of Outline's server/test/factories.ts: each builder makes real rows through the real
 * operations (audit entries included), with defaults a test overrides only where it matters. Any test can make
 * its own partnership, with its own wards, users and consultations, beside the demo one.
 */
import type { Kysely } from 'kysely';
import { createUser } from '../src/accounts/index.js';
import type { Role } from '../src/accounts/roles.js';
import type { StageAction } from '../src/consultations/changeConsultationStage.js';
import {
  type Consultation,
  changeConsultationStage,
  createConsultation,
  loadConsultation,
  loadSurveyDefinition,
} from '../src/consultations/index.js';
import type { ConsultationStatus } from '../src/consultations/status.js';
import { fromBool, toJson } from '../src/db/columnTypes.js';
import type { DbHandle } from '../src/db/database.js';
import type { Database } from '../src/db/schema.js';
import { createPartnership, listWards, type Ward } from '../src/partnerships/index.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { slugify } from '../src/platform/slugify.js';
import { insertResponses } from '../src/responses/index.js';
import { validateAnswers } from '../src/surveys/index.js';
import type { TemplateId } from '../src/surveys/templateRegistry.js';
import { HttpClient, type TestServer } from './httpClient.js';

let sequence = 0;
/** Unique within a test file (each file has its own database). */
const nextNumber = () => ++sequence;

const DAY_MS = 86_400_000;
const isoDay = (fromNowDays: number) => new Date(Date.now() + fromNowDays * DAY_MS).toISOString().slice(0, 10);

export interface PlanThemeInput {
  id: string;
  title: string;
  summary?: string;
}

export interface BuildPartnershipOptions {
  db: Kysely<Database>;
  name?: string;
  areaCode?: string;
  /** Ward names; codes are their slugs. */
  wards?: string[];
  /** The partnership's plan themes, in order (none by default). */
  themes?: PlanThemeInput[];
}

export interface BuiltPartnership {
  id: string;
  slug: string;
  name: string;
  wards: Ward[];
}

/** A partnership with its own wards (three by default) and plan themes (none by default). */
export async function buildPartnership(options: BuildPartnershipOptions): Promise<BuiltPartnership> {
  const { db, wards = ['Northgate', 'Riverside', 'Southfield'], themes = [] } = options;
  const name = options.name ?? `Testshire ${nextNumber()} Community Safety Partnership`;
  const { id, slug } = await createPartnership({ db, actor: cliActor(), partnership: { name, areaCode: options.areaCode } });
  await db.transaction().execute(async (trx) => {
    if (wards.length)
      await trx
        .insertInto('wards')
        .values(wards.map((ward) => ({ partnership_id: id, code: slugify(ward), name: ward })))
        .execute();
    if (themes.length)
      await trx
        .insertInto('plan_themes')
        .values(themes.map((t, position) => ({ partnership_id: id, position, id: t.id, title: t.title, summary: t.summary ?? '' })))
        .execute();
  });
  return { id, slug, name, wards: await listWards(db, id) };
}

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface BuildUserOptions {
  db: Kysely<Database>;
  role?: Role;
  /** The user's partnership; a new one is built when not given. */
  partnershipId?: string;
  email?: string;
  name?: string;
}

export interface BuiltUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  partnershipId: string;
}

/** A user of one partnership; given a running server, also a client signed in as them. */
export async function buildUser(options: BuildUserOptions & { server: TestServer }): Promise<BuiltUser & { client: HttpClient }>;
export async function buildUser(options: BuildUserOptions): Promise<BuiltUser>;
export async function buildUser(options: BuildUserOptions & { server?: TestServer }): Promise<BuiltUser & { client?: HttpClient }> {
  const { db, role = 'analyst', server } = options;
  const partnershipId = options.partnershipId ?? (await buildPartnership({ db })).id;
  const email = options.email ?? `${role}-${nextNumber()}@testshire.example`;
  const { id } = await createUser({
    db,
    actor: cliActor(),
    user: { email, name: options.name ?? `Test ${role}`, role, password: TEST_PASSWORD, partnershipIds: [partnershipId] },
  });
  const user = { id, email, password: TEST_PASSWORD, role, partnershipId };
  if (!server) return user;
  const client = new HttpClient(server.url);
  const signedIn = await client.signIn(email, TEST_PASSWORD);
  if (signedIn.status !== 303) throw new Error(`${email} could not sign in: ${signedIn.status} ${await signedIn.text()}`);
  return { ...user, client };
}

/** The stage actions that take a new consultation to each status, through the real operation. */
const ACTIONS_TO: Record<ConsultationStatus, StageAction[]> = {
  draft: [],
  scheduled: ['schedule'],
  open: ['open'],
  closed: ['open', 'close'],
  analysed: ['open', 'close', 'mark-analysed'],
  published: ['open', 'close', 'publish'],
};

export interface BuildConsultationOptions {
  db: Kysely<Database>;
  /** A new partnership is built when not given. */
  partnershipId?: string;
  template?: TemplateId;
  /** The status to bring it to; a scheduled one opens in 10 days, the others opened on 1 January 2024. */
  stage?: ConsultationStatus;
  title?: string;
  opens?: string;
  closes?: string;
  resultsVisibility?: 'after_close' | 'after_publish';
}

/** A consultation created from a template and taken to `stage` by the same stage changes staff make. */
export async function buildConsultation(options: BuildConsultationOptions): Promise<Consultation> {
  const { db, template = 'crime-survey', stage = 'draft', resultsVisibility } = options;
  const partnershipId = options.partnershipId ?? (await buildPartnership({ db })).id;
  const { id } = await createConsultation({
    db,
    actor: cliActor(),
    partnershipId,
    consultation: {
      template,
      title: options.title ?? `Consultation ${nextNumber()}`,
      opens: options.opens ?? (stage === 'scheduled' ? isoDay(10) : '2024-01-01'),
      closes: options.closes ?? isoDay(stage === 'scheduled' ? 40 : 30),
      resultsVisibility,
    },
  });
  for (const action of ACTIONS_TO[stage]) await changeConsultationStage({ db, actor: cliActor(), partnershipId, consultationId: id, action });
  const built = await loadConsultation(db, id, partnershipId);
  if (!built) throw new Error(`consultation ${id} vanished`);
  return built;
}

export interface BuildResponsesOptions {
  handle: DbHandle;
  consultation: Pick<Consultation, 'id' | 'partnershipId' | 'surveyVersion'>;
  /** Raw answers as a respondent sends them; each is validated against the current survey and the partnership's wards. */
  answers: Record<string, unknown>[];
  channel?: string;
}

/** Stores responses whatever the consultation's status (as the demo does), each checked like a real submission. */
export async function buildResponses({ handle, consultation, answers, channel = 'online' }: BuildResponsesOptions): Promise<void> {
  const definition = await loadSurveyDefinition(handle.db, consultation, consultation.surveyVersion);
  const wards = await listWards(handle.db, consultation.partnershipId);
  const rows = answers.map((raw) => {
    const checked = validateAnswers(definition, raw, { wards });
    if (!checked.ok) throw new Error(`buildResponses: invalid answers ${JSON.stringify(checked.errors)}`);
    return {
      partnership_id: consultation.partnershipId,
      consultation_id: consultation.id,
      survey_version: consultation.surveyVersion,
      channel,
      answers: toJson(checked.answers),
      submitted_at: new Date().toISOString(),
      entered_by: null,
      idempotency_key: null,
      import_id: null,
      is_demo: fromBool(false),
    };
  });
  await insertResponses(handle, rows);
}
