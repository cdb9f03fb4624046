/**
 * Emails each chosen attendee a personal voting link through the partnership's SMTP server. A new link is stored
 * (its hash only, replacing any earlier link) only for the people whose message was accepted; a failed send is
 * reported for that person and changes nothing.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { loadSmtpConnection, type SendOutcome, sendMessages } from '../stakeholders/index.js';
import { loadWorkshopDetail } from './queries/loadWorkshop.js';
import { themeName } from './themes.js';
import { hashVotingToken, newVotingToken } from './token.js';
import { longDate } from './viewModels.js';

export interface InvitationOutcome {
  stakeholderId: string;
  name: string;
  email: string;
  sent: boolean;
  error?: string;
}

export async function sendWorkshopInvitations(o: {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  workshopId: string;
  stakeholderIds: readonly string[];
  secret: string;
  /** The site's address, for the links. */
  baseUrl: string;
  partnershipName: string;
}): Promise<InvitationOutcome[]> {
  const workshop = await loadWorkshopDetail(o.db, o.partnershipId, o.workshopId);
  if (!workshop) throw notFound('Workshop');
  const chosen = workshop.attendees.filter((a) => o.stakeholderIds.includes(a.stakeholderId));
  if (chosen.length === 0) throw validationFailed([{ field: 'invite', message: 'Choose who to send an invitation to' }]);
  const smtp = await loadSmtpConnection(o.db, o.partnershipId, o.secret);
  if (!smtp) throw conflict('Email sending is not set up: an administrator enters the SMTP server in the partnership’s settings');
  const theme = themeName(workshop.theme, workshop.customTheme);
  const people = chosen.map((a) => ({ attendee: a, token: newVotingToken() }));
  const outcomes: SendOutcome[] = await sendMessages(
    smtp,
    people.map(({ attendee, token }) => ({
      to: attendee.email,
      subject: `${o.partnershipName}: ${workshop.title}`,
      text: [
        `Dear ${attendee.contactName},`,
        '',
        `You are invited to the ${o.partnershipName} workshop "${workshop.title}" (${theme}) on ${longDate(workshop.heldOn)}.`,
        '',
        'During the workshop you can vote for the priorities you think matter most, from your phone, with this personal link:',
        `${o.baseUrl}/w/${token}`,
        '',
        'The link is yours: please do not share it.',
      ].join('\n'),
    })),
  );
  const sent = people.filter((_, i) => outcomes[i]?.ok);
  if (sent.length)
    await o.db.transaction().execute(async (trx) => {
      const at = nowIso();
      for (const { attendee, token } of sent)
        await trx
          .updateTable('workshop_attendees')
          .set({ token_hash: hashVotingToken(token), invited_at: at })
          .where('partnership_id', '=', o.partnershipId)
          .where('workshop_id', '=', o.workshopId)
          .where('stakeholder_id', '=', attendee.stakeholderId)
          .execute();
      await recordAudit(trx, {
        actor: o.actor,
        action: 'workshop.invitations_send',
        entity: 'workshop',
        entityId: o.workshopId,
        partnershipId: o.partnershipId,
        detail: { sent: sent.map((p) => p.attendee.email), failed: outcomes.filter((x) => !x.ok).map((x) => x.to) },
      });
    });
  return people.map(({ attendee }, i) => {
    const outcome = outcomes[i];
    return {
      stakeholderId: attendee.stakeholderId,
      name: attendee.contactName,
      email: attendee.email,
      sent: outcome?.ok === true,
      ...(outcome && !outcome.ok ? { error: outcome.error } : {}),
    };
  });
}
