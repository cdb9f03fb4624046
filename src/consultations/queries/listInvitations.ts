import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface InvitationSummary {
  name: string;
  email: string;
  createdAt: string;
  /** The reference of the response given through the link, once used. */
  reference: string | null;
}

/** The consultation's invitations, oldest first. */
export async function listInvitations(db: Kysely<Database>, partnershipId: string, consultationId: string): Promise<InvitationSummary[]> {
  return db
    .selectFrom('invitations')
    .select(['name', 'email', 'created_at as createdAt', 'response_reference as reference'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}
