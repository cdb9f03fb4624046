import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { hashInvitationToken } from './token.js';

export interface Invitation {
  id: string;
  name: string;
  responseReference: string | null;
}

/** The invitation a token belongs to, for this consultation only. */
export async function findInvitationByToken(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
  token: string,
): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .select(['id', 'name', 'response_reference'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where('token_hash', '=', hashInvitationToken(token))
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, responseReference: row.response_reference } : undefined;
}
