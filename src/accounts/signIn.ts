import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { recordAudit } from '../platform/recordAudit.js';
import { actorOf } from './actorOf.js';
import { authenticate } from './authenticate.js';
import type { Principal } from './policy.js';
import { findUser } from './queries/findUser.js';

/**
 * Checks an email and password and writes the attempt to the audit log: the email tried, never the password. An
 * attempt on a known user's email is filed under their partnership; one on an unknown email under none.
 */
export async function signIn(db: Kysely<Database>, email: string, password: string): Promise<Principal | undefined> {
  const user = await authenticate(db, email, password);
  const tried = email.trim().toLowerCase();
  const known = user ?? (await findUser(db, { email: tried }));
  await recordAudit(db, {
    actor: user ? actorOf(user) : { id: null, label: tried },
    action: user ? 'session.sign-in' : 'session.sign-in-failed',
    entity: 'user',
    entityId: known?.id ?? null,
    partnershipId: known?.partnershipIds[0] ?? null,
    detail: { email: tried },
  });
  return user;
}

/** Writes a sign-out to the audit log. */
export const recordSignOut = (db: Kysely<Database>, user: Principal) =>
  recordAudit(db, {
    actor: actorOf(user),
    action: 'session.sign-out',
    entity: 'user',
    entityId: user.id,
    partnershipId: user.partnershipIds[0] ?? null,
    detail: { email: user.email },
  });
