import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface RedactionSettings {
  /** Keep residents' free text as typed, for admins, until the retention period ends. Off unless an admin turns it on. */
  keepOriginals: boolean;
  retentionDays: number;
}

export const DEFAULT_RETENTION_DAYS = 90;

export async function readRedactionSettings(db: Kysely<Database> | Transaction<Database>, partnershipId: string): Promise<RedactionSettings> {
  const row = await db
    .selectFrom('redaction_settings')
    .select(['keep_originals', 'retention_days'])
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return row
    ? { keepOriginals: row.keep_originals === 1, retentionDays: row.retention_days }
    : { keepOriginals: false, retentionDays: DEFAULT_RETENTION_DAYS };
}

/** The originals kept for a response, oldest first: admins only (the route asks 'responses:read-originals'). */
export async function originalsOfResponse(db: Kysely<Database> | Transaction<Database>, partnershipId: string, responseId: string) {
  const rows = await db
    .selectFrom('response_originals')
    .select(['answers', 'kept_at'])
    .where('partnership_id', '=', partnershipId)
    .where('response_id', '=', responseId)
    .orderBy('kept_at')
    .execute();
  return rows.map((r) => ({ keptAt: r.kept_at, answers: JSON.parse(r.answers) as Record<string, string> }));
}
