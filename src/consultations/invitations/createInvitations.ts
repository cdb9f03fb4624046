import type { Kysely } from 'kysely';
import { z } from 'zod';
import { newId, nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { parseOrThrow } from '../../platform/validation.js';
import { hashInvitationToken, newInvitationToken } from './token.js';

const inviteesSchema = z
  .array(
    z.object({
      email: z.string().trim().toLowerCase().email('Enter an email address in the correct format, like name@example.com'),
      name: z.string().trim().min(1, 'Enter the name of the person to invite').max(200),
    }),
  )
  .min(1, 'Add at least one person to invite');

export interface CreateInvitationsOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  invitees: { email: string; name: string }[];
}

export interface CreatedInvitation {
  id: string;
  email: string;
  name: string;
  /** The personal link, relative to the site: /p/:slug/:consultationSlug/invitation/:token. Shown once, never stored. */
  link: string;
}

/** Personal survey links for named people (elected members): one row each, storing only a hash of the token. */
export async function createInvitations({
  db,
  actor,
  partnershipId,
  consultationId,
  invitees,
}: CreateInvitationsOptions): Promise<CreatedInvitation[]> {
  const people = parseOrThrow(inviteesSchema, invitees);
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('consultations')
      .innerJoin('partnerships', 'partnerships.id', 'consultations.partnership_id')
      .select(['consultations.slug as consultationSlug', 'partnerships.slug as partnershipSlug'])
      .where('consultations.partnership_id', '=', partnershipId)
      .where('consultations.id', '=', consultationId)
      .executeTakeFirst();
    if (!target) throw notFound('Consultation');
    const createdAt = nowIso();
    const created = people.map((p) => ({ ...p, id: newId(), token: newInvitationToken() }));
    await trx
      .insertInto('invitations')
      .values(
        created.map((c) => ({
          partnership_id: partnershipId,
          id: c.id,
          consultation_id: consultationId,
          email: c.email,
          name: c.name,
          token_hash: hashInvitationToken(c.token),
          response_reference: null,
          created_at: createdAt,
        })),
      )
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'invitations.create',
      entity: 'consultation',
      entityId: consultationId,
      partnershipId,
      detail: { count: created.length, emails: created.map((c) => c.email) },
    });
    return created.map((c) => ({
      id: c.id,
      email: c.email,
      name: c.name,
      link: `/p/${target.partnershipSlug}/${target.consultationSlug}/invitation/${c.token}`,
    }));
  });
}
