import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A consultation's stored answer chunks, in position order (blobs included). */
export async function answerChunks(db: Kysely<Database>, c: { partnershipId: string; consultationId: string }) {
  return db
    .selectFrom('answer_chunks')
    .select(['position', 'layout', 'first_row', 'row_count', 'after_mark', 'mark', 'columns'])
    .where('partnership_id', '=', c.partnershipId)
    .where('consultation_id', '=', c.consultationId)
    .orderBy('position')
    .execute();
}
