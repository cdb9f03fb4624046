import type { Kysely } from 'kysely';
import { z } from 'zod';
import { newId, nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { parseOrThrow } from '../../platform/validation.js';
import { findAnswerByEmail } from '../queries/findAnswerByEmail.js';
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

export interface InvitationBatch {
  /** The new links, in the order the people were listed (a person listed twice gets one). */
  created: CreatedInvitation[];
  /** People who have already answered (through a link or signed in): no link is made for them, as it could not be used to answer again. */
  alreadyAnswered: { name: string; email: string; reference: string; answeredAt: string }[];
  /** People invited before who have not answered: they get a new link, and their earlier links still work, for one response in all. */
  reinvited: { name: string; email: string; firstInvitedAt: string }[];
}

/**
 * Personal survey links for named people (elected members): one row each, storing only a hash of the token. Someone
 * who has already answered gets no new link; someone invited before gets another, and answers once whichever they use.
 */
export async function createInvitations({ db, actor, partnershipId, consultationId, invitees }: CreateInvitationsOptions): Promise<InvitationBatch> {
  const listed = parseOrThrow(inviteesSchema, invitees);
  const people = listed.filter((p, i) => listed.findIndex((q) => q.email === p.email) === i);
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('consultations')
      .innerJoin('partnerships', 'partnerships.id', 'consultations.partnership_id')
      .select(['consultations.slug as consultationSlug', 'partnerships.slug as partnershipSlug'])
      .where('consultations.partnership_id', '=', partnershipId)
      .where('consultations.id', '=', consultationId)
      .executeTakeFirst();
    if (!target) throw notFound('Consultation');
    const batch: InvitationBatch = { created: [], alreadyAnswered: [], reinvited: [] };
    const toInvite: typeof people = [];
    for (const person of people) {
      const answered = await findAnswerByEmail(trx, partnershipId, consultationId, person.email);
      if (answered) {
        batch.alreadyAnswered.push({ ...person, reference: answered.reference, answeredAt: answered.submittedAt });
        continue;
      }
      const earlier = await trx
        .selectFrom('invitations')
        .select('created_at')
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('email', '=', person.email)
        .orderBy('created_at')
        .executeTakeFirst();
      if (earlier) batch.reinvited.push({ ...person, firstInvitedAt: earlier.created_at });
      toInvite.push(person);
    }
    if (toInvite.length === 0) return batch;
    const createdAt = nowIso();
    const created = toInvite.map((p) => ({ ...p, id: newId(), token: newInvitationToken() }));
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
      detail: {
        count: created.length,
        emails: created.map((c) => c.email),
        ...(batch.alreadyAnswered.length ? { alreadyAnswered: batch.alreadyAnswered.map((p) => p.email) } : {}),
      },
    });
    batch.created = created.map((c) => ({
      id: c.id,
      email: c.email,
      name: c.name,
      link: `/p/${target.partnershipSlug}/${target.consultationSlug}/invitation/${c.token}`,
    }));
    return batch;
  });
}
