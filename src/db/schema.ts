import type { Generated } from 'kysely';

/**
 * Table types shared by both engines. Timestamps are ISO-8601 UTC text, booleans 0/1 integers and JSON
 * is text on both, so that one set of migrations and queries serves SQLite and PostgreSQL (columnTypes.ts).
 */
export interface PartnershipsTable {
  id: string;
  name: string;
  slug: string;
  area_code: string | null;
  branding: string; // JSON: Branding
  is_demo: number;
  created_at: string;
  /** The smallest base whose figures are published (migration 0004); 10 unless an admin set it. */
  suppression_minimum: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface PartnershipMembersTable {
  partnership_id: string;
  user_id: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  data: string; // JSON
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  partnership_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string; // JSON
}

/** A one-time password reset link (migration 0010): the SHA-256 of its token, one per user. */
export interface PasswordResetsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** Who made it, as the audit log names them. */
  created_by: string;
}

export interface WardsTable {
  partnership_id: string;
  code: string;
  name: string;
  /** The ward's ONS code (E05...), once boundaries naming it are imported (migration 0017). */
  ons_code: Generated<string | null>;
}

/** A ward's, LSOA's or MSOA's boundary (geography/; migration 0017). */
export interface BoundariesTable {
  partnership_id: string;
  kind: string; // ward | lsoa | msoa
  code: string;
  name: string;
  /** JSON: the area's polygons, each a list of rings of [longitude, latitude]. */
  polygons: string;
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface LsoasTable {
  partnership_id: string;
  code: string;
  name: string;
  ward_code: string | null;
  imd_rank: number | null;
  imd_decile: number | null;
  crime_decile: number | null;
  population: number | null;
  /** JSON: every IoD domain's rank and decile, by the domain's name (migration 0018). */
  imd_domains: Generated<string | null>;
}

/** A population by ward or LSOA, and by age band and sex where the source gives them ('all' where not; migration 0018). */
export interface AreaPopulationsTable {
  partnership_id: string;
  area_kind: string; // lsoa | ward (the partnership's ward code)
  area_code: string;
  age_band: string;
  sex: string;
  population: number;
}

/** A postcode of the partnership's area with its ward and LSOA (migration 0018); sector is e.g. "CV1 2". */
export interface PostcodesTable {
  partnership_id: string;
  postcode: string;
  sector: string;
  ward_code: string | null;
  lsoa_code: string | null;
  longitude: number | null;
  latitude: number | null;
}

/** One run of `saferplan crime import` or an upload (crime/; migration 0019). */
export interface CrimeImportsTable {
  id: string;
  partnership_id: string;
  status: string; // running | done | failed
  started_at: string;
  finished_at: string | null;
  started_by: string;
  /** JSON: the file names. */
  files: string;
  /** Rows read so far. */
  progress: Generated<number>;
  /** When it last reported progress: a running import silent for long was interrupted. */
  heartbeat_at: string;
  /** JSON: the import summary (crime/importSummary.ts), once finished. */
  summary: string | null;
}

/** A police.uk street-level crime or ASB incident in the partnership's area (migration 0019). */
export interface CrimeRecordsTable {
  partnership_id: string;
  import_id: string;
  force: string;
  month: string;
  crime_id: string | null;
  category: string;
  lsoa_code: string | null;
  ward_code: string | null;
  longitude: number | null;
  latitude: number | null;
  location: string;
  last_outcome: string | null;
}

/** A police.uk outcome recorded in a month against a crime (migration 0019). */
export interface CrimeOutcomesTable {
  partnership_id: string;
  import_id: string;
  force: string;
  month: string;
  position: number;
  crime_id: string;
  outcome: string;
  lsoa_code: string | null;
}

/** A police.uk stop and search (migration 0019). */
export interface StopSearchesTable {
  partnership_id: string;
  import_id: string;
  force: string;
  month: string;
  occurred_at: string;
  type: string;
  gender: string;
  age_range: string;
  officer_ethnicity: string;
  legislation: string;
  object_of_search: string;
  outcome: string;
  lsoa_code: string | null;
  ward_code: string | null;
  longitude: number | null;
  latitude: number | null;
}

/** A prioritisation matrix score set by an officer (assessment/; migration 0020); null scores keep the pre-filled value. */
export interface AssessmentScoresTable {
  partnership_id: string;
  issue: string;
  harm: number | null;
  likelihood: number | null;
  capacity: number | null;
  rationale: string;
  updated_at: string;
  updated_by: string;
}

/** A partner's dataset and its saved column mapping (crime/partner/; migration 0021). */
export interface PartnerDatasetsTable {
  partnership_id: string;
  name: string;
  /** JSON: the mapping (crime/partner/mapping.ts). */
  mapping: string;
  updated_at: string;
  updated_by: string;
}

/** A Community Safety Partnership Plan (plan/; migration 0022). */
export interface PlansTable {
  partnership_id: string;
  id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  /** The consultation whose findings the plan answers ("you said, we did"). */
  consultation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PriorityThemesTable {
  partnership_id: string;
  id: string;
  plan_id: string;
  position: number;
  title: string;
  summary: string;
}

export interface PlanPrioritiesTable {
  partnership_id: string;
  id: string;
  plan_id: string;
  theme_id: string;
  position: number;
  title: string;
  rationale: string;
  /** JSON array of victim | offender | place. */
  dimensions: string;
  /** JSON array of pcc_priorities ids. */
  pcc_priority_ids: string;
}

export interface PlanEvidenceTable {
  partnership_id: string;
  id: string;
  plan_id: string;
  priority_id: string;
  position: number;
  /** plan/evidence/evidenceKinds.ts */
  kind: string;
  /** JSON: what the evidence points at. */
  ref: string;
  label: string;
  /** The value shown when it was linked, to tell a changed figure from a current one. */
  linked_value: string;
  linked_at: string;
}

export interface PccPrioritiesTable {
  partnership_id: string;
  id: string;
  position: number;
  title: string;
  summary: string;
}

export interface InterventionsTable {
  partnership_id: string;
  id: string;
  title: string;
  summary: string;
  /** JSON: EMMIE ratings (plan/emmie.ts). */
  emmie: string;
  source: string;
}

export interface PlanActionsTable {
  partnership_id: string;
  id: string;
  plan_id: string;
  priority_id: string;
  position: number;
  reference: string;
  title: string;
  lead_partner: string;
  supporting_partners: string;
  starts_on: string | null;
  due_on: string | null;
  resources: string;
  intervention_id: string | null;
  status: string;
  progress: number;
  progress_note: string;
  progress_at: string | null;
}

export interface PlanMeasuresTable {
  partnership_id: string;
  id: string;
  plan_id: string;
  priority_id: string;
  position: number;
  indicator: string;
  baseline: number | null;
  baseline_note: string;
  target: string;
  source: string;
  frequency: string;
}

export interface MeasureValuesTable {
  partnership_id: string;
  measure_id: string;
  /** yyyy-mm-dd: the date the value is for. */
  period: string;
  value: number;
  note: string;
  recorded_at: string;
}

export interface PlanImpactsTable {
  partnership_id: string;
  id: string;
  plan_id: string;
  priority_id: string;
  position: number;
  group_kind: string;
  group_label: string;
  impact: string;
  evidence: string;
  /** A survey breakdown (age_band, disability...) whose figures the HIIA shows as evidence. */
  breakdown: string | null;
  mitigation: string;
}

export interface PlanVersionsTable {
  partnership_id: string;
  plan_id: string;
  number: number;
  status: string;
  /** JSON: the plan's content when the version was made (plan/planContent.ts). */
  content: string;
  decided_on: string | null;
  decided_by: string;
  created_at: string;
  created_by: string;
}

export interface ReportNarrativesTable {
  partnership_id: string;
  report_key: string;
  section: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

export interface ReportRunsTable {
  partnership_id: string;
  id: string;
  kind: string;
  format: string;
  params: string;
  status: string;
  progress: number;
  message: string;
  file_name: string;
  content: Uint8Array | null;
  created_at: string;
  created_by: string;
  finished_at: string | null;
}

/** A partnership's saved population margins for weighting, one row per line (migration 0009). */
export interface WeightingMarginsTable {
  partnership_id: string;
  position: number;
  variable: string;
  value: string;
  population: number;
}

export interface PlanThemesTable {
  partnership_id: string;
  id: string;
  position: number;
  title: string;
  summary: string;
}

export interface ConsultationsTable {
  partnership_id: string;
  id: string;
  slug: string;
  template: string;
  title: string;
  summary: string;
  purpose: string;
  legal_basis: string;
  privacy_notice: string;
  audiences: string; // JSON: Audience[]
  stage: string; // ConsultationStage
  opens_at: string;
  closes_at: string;
  /** When staff closed it early (Close now); closes_at keeps the planned date. */
  closed_at: string | null;
  /** JSON: the plan theme ids it is about (the hub's topic filter). */
  topics: Generated<string>;
  results_visibility: string;
  survey_version: number;
  is_demo: number;
  created_at: string;
  /** Changes whenever the set of responses changes other than by new rows arriving (migration 0006). */
  responses_revision: Generated<number>;
}

export interface SurveyVersionsTable {
  partnership_id: string;
  consultation_id: string;
  version: number;
  definition: string; // JSON: SurveyDefinition
  created_at: string;
}

export interface ResponsesTable {
  partnership_id: string;
  id: string;
  consultation_id: string;
  reference: string;
  survey_version: number;
  channel: string;
  answers: string; // JSON: Answers
  submitted_at: string;
  entered_by: string | null;
  idempotency_key: string | null;
  import_id: string | null;
  is_demo: number;
  /** 1, plus one for each correction (migration 0011); earlier answers are in response_versions. */
  version: Generated<number>;
  /** Set while the response is withdrawn: it then counts for nothing (responses/queries/countedResponses.ts). */
  withdrawn_at: string | null;
  /** Who withdrew it, as the audit log names them. */
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
  // PostgreSQL only: insert_xact (xid8, the inserting transaction), read by responsesArrivedAfter in raw SQL.
}

/** A consultation's encoded answers, a chunk of consecutive rows each (analysis/columns/). */
export interface AnswerChunksTable {
  partnership_id: string;
  consultation_id: string;
  position: number;
  /** The encoding's fingerprint: the survey version's definition and the wards (columns/layout.ts). */
  layout: string;
  first_row: number;
  row_count: number;
  /** The arrival mark the chunk's rows follow (null for the first chunk) and the one after its last row. */
  after_mark: string | null;
  mark: string;
  columns: Uint8Array; // columns/chunkCodec.ts
  saved_at: string;
}

export interface InvitationsTable {
  partnership_id: string;
  id: string;
  consultation_id: string;
  email: string;
  name: string;
  token_hash: string;
  response_reference: string | null;
  created_at: string;
}

/** The response a signed-in member gave to a members' survey: one per member and consultation. */
export interface MemberResponsesTable {
  partnership_id: string;
  consultation_id: string;
  user_id: string;
  response_reference: string;
  created_at: string;
}

/** Answers a correction replaced: version N holds the answers the response had as version N (migration 0011). */
export interface ResponseVersionsTable {
  partnership_id: string;
  response_id: string;
  version: number;
  survey_version: number;
  answers: string; // JSON: Answers
  /** The user who made the correction that replaced these answers (null from the command line), and their audit name. */
  changed_by_id: string | null;
  changed_by: string;
  changed_at: string;
  reason: string;
}

/** Whether a partnership keeps residents' free text as typed, and for how long (migration 0012). Absent: not kept. */
export interface RedactionSettingsTable {
  partnership_id: string;
  keep_originals: Generated<number>; // 0/1
  retention_days: number;
  changed_at: string;
  /** The audit name of the admin who last changed it. */
  changed_by: string;
}

/** Free-text answers as typed, before redaction, for a partnership that keeps them: admins only (migration 0012). */
export interface ResponseOriginalsTable {
  id: string;
  partnership_id: string;
  response_id: string;
  answers: string; // JSON: question code -> the text as typed (only answers the redactor changed)
  kept_at: string;
}

/** An import of a file of responses; its rows count only once it is complete (migration 0006). */
export interface ImportsTable {
  partnership_id: string;
  id: string;
  consultation_id: string;
  state: string; // 'staging' | 'complete'
  file_name: string | null;
  content_sha256: string | null;
  row_count: number;
  created_by: string | null;
  /** Who imported it, as the audit log names them (a person's name, or cli:USER). */
  created_by_label: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** A partnership's public statement (migration 0008): kind 'accessibility' or 'privacy', its fields as JSON. */
export interface PartnershipStatementsTable {
  partnership_id: string;
  kind: string;
  content: string; // JSON: AccessibilityStatement | PrivacyNotice (statements/)
  updated_at: string;
  updated_by: string;
}

/** A consultation's codebook, seeded when first opened (migration 0013, src/coding/). */
export interface CodebooksTable {
  partnership_id: string;
  consultation_id: string;
  seeded_at: string;
  seeded_by: string;
}

/** A theme of a consultation's codebook; parent_id nests it one level under another theme. */
export interface CodebookThemesTable {
  partnership_id: string;
  id: string;
  consultation_id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
  position: number;
  /** 'plan' | 'common' | 'added' | 'import' | 'split' */
  origin: string;
  created_at: string;
}

/** Something coded: kind 'answer' (response_id, question_code) or, later, 'workshop_item' (item_id). */
export interface CodingUnitsTable {
  partnership_id: string;
  consultation_id: string;
  unit_key: string;
  kind: string;
  response_id: string | null;
  question_code: string | null;
  item_id: string | null;
  created_at: string;
}

/** A unit looked at in a pass ('primary' or 'blind'): its note and quotable flag, by whom and when. */
export interface UnitReviewsTable {
  partnership_id: string;
  consultation_id: string;
  unit_key: string;
  pass: string;
  note: string;
  quotable: number;
  reviewed_by_id: string | null;
  reviewed_by: string;
  reviewed_at: string;
}

/** One theme given to one unit in one pass. */
export interface CodingsTable {
  partnership_id: string;
  consultation_id: string;
  unit_key: string;
  pass: string;
  theme_id: string;
  /** 'manual' | 'import' */
  source: string;
  coded_by_id: string | null;
  coded_by: string;
  coded_at: string;
}

/** The units drawn at random for a second analyst to code blind. */
export interface BlindSamplesTable {
  partnership_id: string;
  consultation_id: string;
  unit_key: string;
  drawn_at: string;
  drawn_by: string;
}

/** A contact in a partnership's stakeholder register (migration 0014). */
export interface StakeholdersTable {
  partnership_id: string;
  id: string;
  organisation: string;
  sector: string; // stakeholders/sectors.ts
  contact_name: string;
  email: string; // lower case, unique in the partnership
  phone: string;
  role: string;
  created_at: string;
  updated_at: string;
}

/** The SMTP server a partnership's invitations go through (migration 0014); the password sealed (platform/sealedSecret.ts). */
export interface SmtpSettingsTable {
  partnership_id: string;
  host: string;
  port: number;
  security: string; // 'tls' | 'starttls' | 'none'
  username: string;
  password_sealed: string | null;
  from_address: string;
  updated_at: string;
  updated_by: string;
}

/** A partnership's optional LLM for theme suggestions (suggestions/; migration 0015). */
export interface LlmSettingsTable {
  partnership_id: string;
  base_url: string;
  model: string;
  /** Sealed by platform/sealedSecret.ts (AES-256-GCM under SESSION_SECRET); null when no key is needed (Ollama). */
  api_key_sealed: string | null;
  updated_at: string;
  updated_by: string;
}

/** An analyst's request to the partnership's LLM for one question's themes, and its outcome (migration 0016). */
export interface LlmRunsTable {
  partnership_id: string;
  id: string;
  consultation_id: string;
  question_code: string;
  status: string; // running | done | failed
  answers_sent: number;
  calls: number;
  /** When failed: generate, condense, assign, or start (the server stopped during the run). */
  stage: string | null;
  reason: string | null;
  /** When done: JSON {themes: [{name, description}], assignments: {reference: [theme name]}}. */
  result: string | null;
  started_at: string;
  started_by: string;
  finished_at: string | null;
}

/** A partner workshop (migration 0014). */
export interface WorkshopsTable {
  partnership_id: string;
  id: string;
  consultation_id: string | null;
  title: string;
  held_on: string; // YYYY-MM-DD
  theme: string; // 'place' | 'victim' | 'offender' | 'custom'
  custom_theme: string | null;
  evidence: string;
  evidence_links: string; // JSON: { text, href }[]
  dots: number;
  voting: string; // 'not_open' | 'open' | 'closed'
  created_at: string;
}

/** A stakeholder invited to a workshop: their personal link (hash only) and attendance (migration 0014). */
export interface WorkshopAttendeesTable {
  partnership_id: string;
  workshop_id: string;
  stakeholder_id: string;
  token_hash: string | null;
  invited_at: string | null;
  attended: number; // 0/1
}

/** A workshop item (one idea) or candidate priority (migration 0014). */
export interface WorkshopTextTable {
  partnership_id: string;
  id: string;
  workshop_id: string;
  text: string;
  position: number;
  created_at: string;
  created_by: string;
}

/** An attendee's dots on one candidate priority (migration 0014). */
export interface WorkshopVotesTable {
  partnership_id: string;
  workshop_id: string;
  stakeholder_id: string;
  candidate_id: string;
  dots: number;
  voted_at: string;
}

/** A background job (jobs/; migration 0023). Times are ISO text; payload is JSON. */
export interface JobsTable {
  id: string;
  partnership_id: string | null;
  kind: string;
  payload: string;
  /** queued, running, done or failed. */
  status: string;
  progress: Generated<number>;
  message: Generated<string>;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  singleton_key: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

/** A shared rate-limit counter (migration 0026). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  /** Milliseconds since the epoch. */
  resets_at: number;
}

export interface Database {
  rate_limits: RateLimitsTable;
  jobs: JobsTable;
  partnerships: PartnershipsTable;
  users: UsersTable;
  partnership_members: PartnershipMembersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  password_resets: PasswordResetsTable;
  wards: WardsTable;
  lsoas: LsoasTable;
  area_populations: AreaPopulationsTable;
  postcodes: PostcodesTable;
  crime_imports: CrimeImportsTable;
  crime_records: CrimeRecordsTable;
  crime_outcomes: CrimeOutcomesTable;
  stop_searches: StopSearchesTable;
  assessment_scores: AssessmentScoresTable;
  partner_datasets: PartnerDatasetsTable;
  plan_themes: PlanThemesTable;
  plans: PlansTable;
  priority_themes: PriorityThemesTable;
  plan_priorities: PlanPrioritiesTable;
  plan_evidence: PlanEvidenceTable;
  pcc_priorities: PccPrioritiesTable;
  interventions: InterventionsTable;
  plan_actions: PlanActionsTable;
  plan_measures: PlanMeasuresTable;
  measure_values: MeasureValuesTable;
  plan_impacts: PlanImpactsTable;
  plan_versions: PlanVersionsTable;
  report_narratives: ReportNarrativesTable;
  report_runs: ReportRunsTable;
  consultations: ConsultationsTable;
  survey_versions: SurveyVersionsTable;
  responses: ResponsesTable;
  invitations: InvitationsTable;
  member_responses: MemberResponsesTable;
  answer_chunks: AnswerChunksTable;
  imports: ImportsTable;
  partnership_statements: PartnershipStatementsTable;
  weighting_margins: WeightingMarginsTable;
  response_versions: ResponseVersionsTable;
  codebooks: CodebooksTable;
  codebook_themes: CodebookThemesTable;
  coding_units: CodingUnitsTable;
  unit_reviews: UnitReviewsTable;
  codings: CodingsTable;
  blind_samples: BlindSamplesTable;
  stakeholders: StakeholdersTable;
  smtp_settings: SmtpSettingsTable;
  workshops: WorkshopsTable;
  workshop_attendees: WorkshopAttendeesTable;
  workshop_items: WorkshopTextTable;
  workshop_candidates: WorkshopTextTable;
  workshop_votes: WorkshopVotesTable;
  llm_settings: LlmSettingsTable;
  llm_runs: LlmRunsTable;
  boundaries: BoundariesTable;
  redaction_settings: RedactionSettingsTable;
  response_originals: ResponseOriginalsTable;
  two_step_enrolments: TwoStepEnrolmentsTable;
  two_step_recovery_codes: TwoStepRecoveryCodesTable;
  consultation_retention: ConsultationRetentionTable;
  withdrawal_requests: WithdrawalRequestsTable;
}

/** How long a consultation's personal details are kept after it closes (migration 0025, src/dataProtection/). */
export interface ConsultationRetentionTable {
  partnership_id: string;
  consultation_id: string;
  /** Months after the consultation closed; absent row: the default (dataProtection/retentionRules.ts). */
  months: number;
  changed_at: string;
  changed_by: string;
  /** When retention last removed its details, or null while they are kept. */
  applied_at: string | null;
}

/** A respondent's request, by reference, to withdraw their response; staff confirm or decline it (migration 0025). */
export interface WithdrawalRequestsTable {
  partnership_id: string;
  id: string;
  consultation_id: string;
  response_id: string;
  reference: string;
  /** What the respondent added (optional, at most 500 characters). */
  note: string;
  requested_at: string;
  status: string; // pending | confirmed | declined
  decided_at: string | null;
  /** Who decided, as the audit log names them. */
  decided_by: string | null;
}

/** A user's two-step verification (migration 0024, accounts/twoStep/): the TOTP secret sealed, never in clear. */
export interface TwoStepEnrolmentsTable {
  user_id: string;
  /** Sealed by platform/sealedSecret.ts (AES-256-GCM under SESSION_SECRET, purpose 'totp-secret'). */
  secret_sealed: string;
  /** The TOTP time step of the last code accepted: a code in this step or an earlier one is refused (no replay). */
  last_time_step: number;
  enrolled_at: string;
}

/** A user's unused recovery codes (migration 0024): only each code's SHA-256; a used code's row is deleted. */
export interface TwoStepRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: string;
}
