import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface PersonFound {
  email: string;
  name: string;
  /** Where the person is held: a user (member of staff), a stakeholder, an invitee to a members' survey. */
  kinds: ('user' | 'stakeholder' | 'invitee')[];
}

/**
 * Everyone the partnership holds whose name or email contains the text (case-insensitive), one entry per email
 * address, by name. Users only if they belong to the partnership.
 */
export async function peopleOfPartnership(db: Kysely<Database>, partnershipId: string, text: string): Promise<PersonFound[]> {
  const [users, stakeholders, invitees] = await Promise.all([
    db
      .selectFrom('users')
      .innerJoin('partnership_members as m', 'm.user_id', 'users.id')
      .select(['users.email', 'users.name'])
      .where('m.partnership_id', '=', partnershipId)
      .execute(),
    db.selectFrom('stakeholders').select(['email', 'contact_name as name']).where('partnership_id', '=', partnershipId).execute(),
    db.selectFrom('invitations').select(['email', 'name']).where('partnership_id', '=', partnershipId).execute(),
  ]);
  const wanted = text.toLowerCase();
  const found = new Map<string, PersonFound>();
  const add = (rows: { email: string; name: string }[], kind: PersonFound['kinds'][number]) => {
    for (const row of rows) {
      if (!row.email.toLowerCase().includes(wanted) && !row.name.toLowerCase().includes(wanted)) continue;
      const email = row.email.toLowerCase();
      const person = found.get(email) ?? { email, name: row.name, kinds: [] };
      if (!person.kinds.includes(kind)) person.kinds.push(kind);
      found.set(email, person);
    }
  };
  add(users, 'user');
  add(stakeholders, 'stakeholder');
  add(invitees, 'invitee');
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}
