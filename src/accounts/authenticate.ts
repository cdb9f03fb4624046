import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import type { Principal } from './policy.js';
import { loadPrincipal } from './queries/loadPrincipal.js';

/** Returns the user for a correct email and password, or undefined; never says which of the two was wrong. */
export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<Principal | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return undefined;
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok || user.disabled) return undefined;
  return loadPrincipal(db, user.id);
}
