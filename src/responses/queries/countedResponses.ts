import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Whether a response counts: every response except one withdrawn by staff (until an admin restores it) and the rows
 * of an import still being written (or abandoned by a process that died), which stay out of counts, lists, exports
 * and analysis until their import completes.
 */
export function isCounted(eb: ExpressionBuilder<Database, 'responses'>) {
  return eb.and([eb('responses.withdrawn_at', 'is', null), isComplete(eb)]);
}

/** Whether a response is stored for good: not a row of an import still being written. Withdrawn ones included. */
export function isComplete(eb: ExpressionBuilder<Database, 'responses'>) {
  return eb.or([
    eb('responses.import_id', 'is', null),
    eb.not(
      eb.exists(
        eb
          .selectFrom('imports')
          .select('imports.id')
          .whereRef('imports.partnership_id', '=', 'responses.partnership_id')
          .whereRef('imports.id', '=', 'responses.import_id')
          .where('imports.state', '=', 'staging'),
      ),
    ),
  ]);
}

/** The same condition for raw SQL over `responses`. */
export const countedSql = sql`(responses.withdrawn_at is null and (responses.import_id is null or not exists (select 1 from imports
  where imports.partnership_id = responses.partnership_id and imports.id = responses.import_id and imports.state = 'staging')))`;
