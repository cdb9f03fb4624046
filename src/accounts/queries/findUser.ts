import type { Kysely, Transaction } from 'kysely';
import { toBool } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { UserSummary } from './listUsers.js';

export type UserRef = { id: string } | { email: string };

/** One user by id or (any case) email, with their partnerships; undefined when there is none. */
export async function findUser(db: Kysely<Database> | Transaction<Database>, ref: UserRef): Promise<UserSummary | undefined> {
  const query = db.selectFrom('users').selectAll();
  const user = await ('id' in ref ? query.where('id', '=', ref.id) : query.where('email', '=', ref.email.trim().toLowerCase())).executeTakeFirst();
  if (!user) return undefined;
  const memberships = await db.selectFrom('partnership_members').select('partnership_id').where('user_id', '=', user.id).execute();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: toBool(user.disabled),
    partnershipIds: memberships.map((m) => m.partnership_id),
    createdAt: user.created_at,
  };
}
