import type { Kysely } from 'kysely';
import { fromJson } from '../../../db/columnTypes.js';
import type { Database } from '../../../db/schema.js';
import type { Answers } from '../../../surveys/index.js';

export interface ResponseVersion {
  /** The version these answers were. */
  version: number;
  surveyVersion: number;
  answers: Answers;
  /** The correction that replaced them: who (their name now, else as the audit log named them), when and why. */
  changedBy: string;
  changedAt: string;
  reason: string;
}

/** The answers a response's corrections replaced, oldest first. */
export async function responseVersions(db: Kysely<Database>, partnershipId: string, responseId: string): Promise<ResponseVersion[]> {
  const rows = await db
    .selectFrom('response_versions')
    .leftJoin('users', 'users.id', 'response_versions.changed_by_id')
    .select([
      'response_versions.version',
      'response_versions.survey_version',
      'response_versions.answers',
      'response_versions.changed_by',
      'response_versions.changed_at',
      'response_versions.reason',
      'users.name',
    ])
    .where('response_versions.partnership_id', '=', partnershipId)
    .where('response_versions.response_id', '=', responseId)
    .orderBy('response_versions.version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    surveyVersion: r.survey_version,
    answers: fromJson<Answers>(r.answers, {}),
    changedBy: r.name ?? r.changed_by,
    changedAt: r.changed_at,
    reason: r.reason,
  }));
}
