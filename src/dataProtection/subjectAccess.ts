/**
 * Subject access (UK GDPR article 15; docs/data-protection.md): everything one partnership holds about the person with
 * an email address, as one JSON document, and the export audited. Never a password hash, never another partnership's
 * records.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Partnership } from '../partnerships/index.js';
import { validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import {
  auditEntriesAbout,
  invitationsTo,
  memberResponseReferences,
  responsesByReference,
  stakeholdersWithEmail,
  userOfPartnership,
  workshopsOfStakeholders,
  workshopTextNaming,
} from './queries/personalRecords.js';

export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** The document, built from reads only. */
export async function subjectAccessRecords(db: Kysely<Database>, partnership: Partnership, emailGiven: string, now = new Date()) {
  const email = emailGiven.trim().toLowerCase();
  if (!EMAIL_PATTERN.test(email))
    throw validationFailed([{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]);
  const user = await userOfPartnership(db, partnership.id, email);
  const stakeholders = await stakeholdersWithEmail(db, partnership.id, email);
  const invitations = await invitationsTo(db, partnership.id, email);
  const names = [
    ...new Set([user?.name, ...stakeholders.map((s) => s.contactName), ...invitations.map((i) => i.name)].filter((n): n is string => !!n)),
  ];
  const references = [
    ...(user ? await memberResponseReferences(db, partnership.id, user.id) : []),
    ...invitations.flatMap((i) => (i.response_reference ? [i.response_reference] : [])),
  ];
  const mentions = (await Promise.all(names.map((n) => workshopTextNaming(db, partnership.id, n)))).flat();
  return {
    generatedAt: now.toISOString(),
    partnership: { id: partnership.id, name: partnership.name },
    subject: { email, names },
    user: user ?? null,
    stakeholders,
    workshops: await workshopsOfStakeholders(
      db,
      partnership.id,
      stakeholders.map((s) => s.id),
    ),
    workshopTextMentioningThem: mentions,
    invitations: invitations.map((i) => ({
      consultationId: i.consultation_id,
      consultation: i.title,
      name: i.name,
      email: i.email,
      invitedAt: i.created_at,
      responseReference: i.response_reference,
    })),
    surveyResponses: await responsesByReference(db, partnership.id, [...new Set(references)]),
    auditEntries: await auditEntriesAbout(db, partnership.id, [...(user ? [user.id] : []), ...stakeholders.map((s) => s.id)]),
  };
}

export type SubjectAccessRecords = Awaited<ReturnType<typeof subjectAccessRecords>>;

/** The document for a download, with its audit entry recorded first (no one gets a file the audit log does not know of). */
export async function exportSubjectAccess(db: Kysely<Database>, options: { actor: Actor; partnership: Partnership; email: string; now?: Date }) {
  const records = await subjectAccessRecords(db, options.partnership, options.email, options.now);
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor: options.actor,
      action: 'data.subject-access-export',
      entity: 'partnership',
      entityId: options.partnership.id,
      partnershipId: options.partnership.id,
      detail: {
        email: records.subject.email,
        user: records.user !== null,
        stakeholders: records.stakeholders.length,
        workshops: records.workshops.length,
        invitations: records.invitations.length,
        surveyResponses: records.surveyResponses.length,
        auditEntries: records.auditEntries.length,
      },
    }),
  );
  return records;
}
