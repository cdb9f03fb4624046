import type { Kysely, Selectable } from 'kysely';
import { fromJson, toBool } from '../../db/columnTypes.js';
import type { ConsultationsTable, Database } from '../../db/schema.js';
import type { SurveyDefinition } from '../../surveys/index.js';
import { type ConsultationStage, type ConsultationStatus, deriveStatus, endOf, type ResultsVisibility } from '../status.js';

export interface Consultation {
  id: string;
  partnershipId: string;
  slug: string;
  template: string;
  title: string;
  summary: string;
  purpose: string;
  legalBasis: string;
  privacyNotice: string;
  audiences: string[];
  stage: ConsultationStage;
  status: ConsultationStatus;
  opensAt: string;
  /** The planned closing time, which closing early does not change. */
  closesAt: string;
  /** When staff closed it early (Close now), or null. */
  closedAt: string | null;
  /** When it stops taking responses: the earlier of the planned closing time and the time it was closed. */
  endsAt: string;
  /** The plan theme ids it is about. */
  topics: string[];
  resultsVisibility: ResultsVisibility;
  surveyVersion: number;
  isDemo: boolean;
  createdAt: string;
}

export function toConsultation(row: Selectable<ConsultationsTable>, now = new Date()): Consultation {
  const stage = row.stage as ConsultationStage;
  const endsAt = endOf(row.closes_at, row.closed_at);
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    slug: row.slug,
    template: row.template,
    title: row.title,
    summary: row.summary,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    privacyNotice: row.privacy_notice,
    audiences: fromJson<string[]>(row.audiences, []),
    stage,
    status: deriveStatus(stage, row.opens_at, endsAt, now),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    endsAt,
    topics: fromJson<string[]>(row.topics, []),
    resultsVisibility: row.results_visibility as ResultsVisibility,
    surveyVersion: row.survey_version,
    isDemo: toBool(row.is_demo),
    createdAt: row.created_at,
  };
}

/** By id, or by slug within a partnership. */
export async function loadConsultation(db: Kysely<Database>, idOrSlug: string, partnershipId?: string): Promise<Consultation | undefined> {
  let query = db.selectFrom('consultations').selectAll();
  query = partnershipId
    ? query.where('partnership_id', '=', partnershipId).where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    : query.where('id', '=', idOrSlug);
  const row = await query.executeTakeFirst();
  return row ? toConsultation(row) : undefined;
}

export async function loadSurveyDefinition(
  db: Kysely<Database>,
  c: Pick<Consultation, 'partnershipId' | 'id'>,
  version: number,
): Promise<SurveyDefinition> {
  const row = await db
    .selectFrom('survey_versions')
    .select('definition')
    .where('partnership_id', '=', c.partnershipId)
    .where('consultation_id', '=', c.id)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return fromJson<SurveyDefinition>(row.definition, { schemaVersion: 1, title: '', pages: [] });
}
