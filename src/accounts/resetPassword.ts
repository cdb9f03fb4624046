import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../platform/errors.js';
import { auditUserChange } from './manageUser.js';
import { assertPasswordAllowed } from './passwordPolicy.js';
import { hashPassword } from './passwords.js';
import { endSessions } from './queries/endSessions.js';
import { findPasswordReset } from './queries/findPasswordReset.js';
import { findUser } from './queries/findUser.js';

/** The one answer for a link that is unknown, used, expired or for a disabled user: it says no more than that. */
export const invalidResetLink = () =>
  new AppError('not_found', 404, 'This password reset link has expired or has already been used. Ask an administrator for a new one.');

/** Whose reset link a token is, if it still works. */
export async function resetLinkUser(db: Kysely<Database>, token: string, now = new Date()) {
  const reset = await findPasswordReset(db, token, now.toISOString());
  return reset ? findUser(db, { id: reset.userId }) : undefined;
}

/**
 * Sets a new password (under the password policy) with a one-time reset link: the link is used up in the same
 * transaction as the change, so it works once even when sent twice at the same moment; every session of the user ends.
 */
export async function resetPassword({
  db,
  token,
  password,
  now = new Date(),
}: {
  db: Kysely<Database>;
  token: string;
  password: string;
  now?: Date;
}) {
  const user = await resetLinkUser(db, token, now);
  if (!user) throw invalidResetLink();
  await assertPasswordAllowed(password, user);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const reset = await findPasswordReset(trx, token, now.toISOString());
    if (reset?.userId !== user.id) throw invalidResetLink();
    const used = await trx.deleteFrom('password_resets').where('token_hash', '=', reset.tokenHash).executeTakeFirst();
    if (Number(used.numDeletedRows) !== 1) throw invalidResetLink();
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await endSessions(trx, user.id);
    await auditUserChange(trx, { id: user.id, label: user.email }, user, 'user.password-reset');
  });
  return { id: user.id, email: user.email };
}
