import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { notFound } from '../../../platform/errors.js';
import { isComplete } from '../../queries/countedResponses.js';

/** The stored row an operation on a response by its reference acts on, inside its transaction; not found otherwise. */
export async function storedResponse(db: Kysely<Database>, key: { partnershipId: string; consultationId: string; reference: string }) {
  const row = await db
    .selectFrom('responses')
    .select(['id', 'channel', 'answers', 'survey_version', 'version', 'withdrawn_at', 'withdrawn_by', 'withdrawal_reason'])
    .where('partnership_id', '=', key.partnershipId)
    .where('consultation_id', '=', key.consultationId)
    .where('reference', '=', key.reference)
    .where(isComplete)
    .executeTakeFirst();
  if (!row) throw notFound(`Response ${key.reference}`);
  return row;
}
