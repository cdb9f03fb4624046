import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findAnswerByEmail } from '../queries/findAnswerByEmail.js';
import { hashInvitationToken } from './token.js';

export interface Invitation {
  id: string;
  name: string;
  /** The response this person already gave (through this link, another of theirs, or signed in), if any. */
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
    .select(['id', 'name', 'email', 'response_reference'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where('token_hash', '=', hashInvitationToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const answered = row.response_reference ?? (await findAnswerByEmail(db, partnershipId, consultationId, row.email))?.reference ?? null;
  return { id: row.id, name: row.name, responseReference: answered };
}
