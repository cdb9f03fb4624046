import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Principal } from '../policy.js';
import { isRole } from '../roles.js';

export async function loadPrincipal(db: Kysely<Database>, userId: string): Promise<Principal | undefined> {
  const user = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'disabled']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled || !isRole(user.role)) return undefined;
  const memberships = await db.selectFrom('partnership_members').select('partnership_id').where('user_id', '=', userId).execute();
  return { id: user.id, email: user.email, name: user.name, role: user.role, partnershipIds: memberships.map((m) => m.partnership_id) };
}
