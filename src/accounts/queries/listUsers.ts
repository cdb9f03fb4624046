import type { Kysely } from 'kysely';
import { toBool } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  partnershipIds: string[];
  createdAt: string;
}

/** All users, or only those belonging to one of the given partnerships. */
export async function listUsers(db: Kysely<Database>, partnershipIds?: readonly string[]): Promise<UserSummary[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('email').execute();
  const members = await db.selectFrom('partnership_members').select(['user_id', 'partnership_id']).execute();
  const byUser = new Map<string, string[]>();
  for (const m of members) byUser.set(m.user_id, [...(byUser.get(m.user_id) ?? []), m.partnership_id]);
  return users
    .map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      disabled: toBool(u.disabled),
      partnershipIds: byUser.get(u.id) ?? [],
      createdAt: u.created_at,
    }))
    .filter((u) => !partnershipIds || u.partnershipIds.some((p) => partnershipIds.includes(p)));
}
