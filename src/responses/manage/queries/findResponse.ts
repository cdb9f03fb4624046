import type { Kysely } from 'kysely';
import { fromJson } from '../../../db/columnTypes.js';
import type { Database } from '../../../db/schema.js';
import type { Answers } from '../../../surveys/index.js';
import { isComplete } from '../../queries/countedResponses.js';

export interface ManagedResponse {
  id: string;
  partnershipId: string;
  consultationId: string;
  reference: string;
  channel: string;
  submittedAt: string;
  surveyVersion: number;
  answers: Answers;
  /** 1, plus one for each correction. */
  version: number;
  /** The staff user who keyed it in (their name, or their email once removed: null), if any. */
  enteredBy: { id: string; name: string | null } | null;
  /** The file it was imported from, if it was. */
  importFile: string | null;
  withdrawal: { at: string; by: string; reason: string } | null;
}

/** A consultation's response by its reference, withdrawn or not; the rows of an import still being written are not found. */
export async function findResponse(
  db: Kysely<Database>,
  key: { partnershipId: string; consultationId: string },
  reference: string,
): Promise<ManagedResponse | undefined> {
  const row = await db
    .selectFrom('responses')
    .leftJoin('users', 'users.id', 'responses.entered_by')
    .leftJoin('imports', (join) =>
      join.onRef('imports.partnership_id', '=', 'responses.partnership_id').onRef('imports.id', '=', 'responses.import_id'),
    )
    .select([
      'responses.id',
      'responses.partnership_id',
      'responses.consultation_id',
      'responses.reference',
      'responses.channel',
      'responses.submitted_at',
      'responses.survey_version',
      'responses.answers',
      'responses.version',
      'responses.entered_by',
      'responses.withdrawn_at',
      'responses.withdrawn_by',
      'responses.withdrawal_reason',
      'users.name as entered_by_name',
      'imports.file_name',
    ])
    .where('responses.partnership_id', '=', key.partnershipId)
    .where('responses.consultation_id', '=', key.consultationId)
    .where('responses.reference', '=', reference)
    .where(isComplete)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    consultationId: row.consultation_id,
    reference: row.reference,
    channel: row.channel,
    submittedAt: row.submitted_at,
    surveyVersion: row.survey_version,
    answers: fromJson<Answers>(row.answers, {}),
    version: row.version,
    enteredBy: row.entered_by ? { id: row.entered_by, name: row.entered_by_name } : null,
    importFile: row.file_name,
    withdrawal: row.withdrawn_at ? { at: row.withdrawn_at, by: row.withdrawn_by ?? '', reason: row.withdrawal_reason ?? '' } : null,
  };
}
