/** Everything one partnership holds about the person with an email address (subject access). */
import type { Kysely } from 'kysely';
import { fromJson, toBool } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { listStakeholders } from '../../stakeholders/index.js';

type Db = Kysely<Database>;

export async function userOfPartnership(db: Db, partnershipId: string, email: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('partnership_members as m', 'm.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.disabled', 'users.created_at', 'm.created_at as member_since'])
    .where('m.partnership_id', '=', partnershipId)
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email))
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        disabled: toBool(row.disabled),
        createdAt: row.created_at,
        membership: { partnershipId, since: row.member_since },
      }
    : undefined;
}

/** The partnership's register entries with the address (the register's own query, filtered). */
export async function stakeholdersWithEmail(db: Db, partnershipId: string, email: string) {
  return (await listStakeholders(db, partnershipId)).filter((s) => s.email.toLowerCase() === email);
}

export async function workshopsOfStakeholders(db: Db, partnershipId: string, stakeholderIds: string[]) {
  if (stakeholderIds.length === 0) return [];
  const attendance = await db
    .selectFrom('workshop_attendees as a')
    .innerJoin('workshops as w', (join) => join.onRef('w.partnership_id', '=', 'a.partnership_id').onRef('w.id', '=', 'a.workshop_id'))
    .select(['a.workshop_id', 'a.stakeholder_id', 'a.invited_at', 'a.attended', 'w.title', 'w.held_on'])
    .where('a.partnership_id', '=', partnershipId)
    .where('a.stakeholder_id', 'in', stakeholderIds)
    .orderBy('w.held_on')
    .execute();
  const votes = await db
    .selectFrom('workshop_votes as v')
    .innerJoin('workshop_candidates as c', (join) => join.onRef('c.partnership_id', '=', 'v.partnership_id').onRef('c.id', '=', 'v.candidate_id'))
    .select(['v.workshop_id', 'v.stakeholder_id', 'c.text', 'v.dots', 'v.voted_at'])
    .where('v.partnership_id', '=', partnershipId)
    .where('v.stakeholder_id', 'in', stakeholderIds)
    .execute();
  return attendance.map((a) => ({
    workshopId: a.workshop_id,
    title: a.title,
    heldOn: a.held_on,
    stakeholderId: a.stakeholder_id,
    invitedAt: a.invited_at,
    attended: toBool(a.attended),
    votes: votes
      .filter((v) => v.workshop_id === a.workshop_id && v.stakeholder_id === a.stakeholder_id)
      .map((v) => ({ candidatePriority: v.text, dots: v.dots, votedAt: v.voted_at })),
  }));
}

/** Workshop items and candidate priorities whose text names the person. */
export async function workshopTextNaming(db: Db, partnershipId: string, name: string) {
  const wanted = name.trim().toLowerCase();
  if (wanted.length < 3) return [];
  // % or _ in a name only widen the match; the filter below keeps exact mentions.
  const pattern = `%${wanted}%`;
  const select = (table: 'workshop_items' | 'workshop_candidates') =>
    db
      .selectFrom(`${table} as t`)
      .innerJoin('workshops as w', (join) => join.onRef('w.partnership_id', '=', 't.partnership_id').onRef('w.id', '=', 't.workshop_id'))
      .select(['t.id', 't.text', 't.created_at', 't.created_by', 'w.title'])
      .where('t.partnership_id', '=', partnershipId)
      .where((eb) => eb(eb.fn('lower', ['t.text']), 'like', eb.val(pattern)))
      .execute();
  const [items, candidates] = await Promise.all([select('workshop_items'), select('workshop_candidates')]);
  const text = (kind: string) => (r: (typeof items)[number]) => ({
    kind,
    workshop: r.title,
    text: r.text,
    createdAt: r.created_at,
    createdBy: r.created_by,
  });
  return [...items.map(text('item')), ...candidates.map(text('candidate priority'))].filter((r) => r.text.toLowerCase().includes(wanted));
}

/** Personal invitations to a members' survey sent to the address. */
export async function invitationsTo(db: Db, partnershipId: string, email: string) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('consultations as c', (join) => join.onRef('c.partnership_id', '=', 'i.partnership_id').onRef('c.id', '=', 'i.consultation_id'))
    .select(['i.consultation_id', 'c.title', 'i.name', 'i.email', 'i.response_reference', 'i.created_at'])
    .where('i.partnership_id', '=', partnershipId)
    .where('i.email', '=', email)
    .orderBy('i.created_at')
    .execute();
}

/** The references of the members' survey responses a user gave while signed in. */
export async function memberResponseReferences(db: Db, partnershipId: string, userId: string) {
  const rows = await db
    .selectFrom('member_responses')
    .select('response_reference')
    .where('partnership_id', '=', partnershipId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.response_reference);
}

export async function responsesByReference(db: Db, partnershipId: string, references: string[]) {
  if (references.length === 0) return [];
  const rows = await db
    .selectFrom('responses as r')
    .innerJoin('consultations as c', (join) => join.onRef('c.partnership_id', '=', 'r.partnership_id').onRef('c.id', '=', 'r.consultation_id'))
    .select(['r.reference', 'c.title', 'r.submitted_at', 'r.channel', 'r.answers', 'r.withdrawn_at'])
    .where('r.partnership_id', '=', partnershipId)
    .where('r.reference', 'in', references)
    .orderBy('r.submitted_at')
    .execute();
  return rows.map((r) => ({
    reference: r.reference,
    consultation: r.title,
    submittedAt: r.submitted_at,
    channel: r.channel,
    withdrawnAt: r.withdrawn_at,
    answers: fromJson<Record<string, unknown>>(r.answers, {}),
  }));
}

/** Audit entries of the partnership (or of no partnership) with the ids as actor or subject. */
export async function auditEntriesAbout(db: Db, partnershipId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('partnership_id', '=', partnershipId), eb('partnership_id', 'is', null)]))
    .where((eb) => eb.or([eb('actor_id', 'in', ids), eb('entity_id', 'in', ids)]))
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor_label,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: fromJson<Record<string, unknown>>(r.detail, {}),
  }));
}
