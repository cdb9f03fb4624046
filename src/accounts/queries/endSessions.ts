import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Signs a user out everywhere (but the session kept, if given) by deleting their sessions. A session row holds its
 * JSON, with `"userId":"<id>"` once signed in; ids are UUIDs, so they hold no LIKE wildcard.
 */
export async function endSessions(db: Kysely<Database> | Transaction<Database>, userId: string, keepSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('data', 'like', `%"userId":${JSON.stringify(userId)}%`);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}
