import { auditUserChange, type ManageUserOptions, managedUser } from './manageUser.js';
import { assertPasswordAllowed } from './passwordPolicy.js';
import { hashPassword } from './passwords.js';
import { endSessions } from './queries/endSessions.js';
import { cancelPasswordResets } from './queries/findPasswordReset.js';

/**
 * Sets a new password for a user and signs them out everywhere else (keepSessionId: the session that made the
 * change, when it is their own); a reset link they had stops working. The audit entry never holds the password.
 */
export async function setUserPassword({
  db,
  actor,
  user: ref,
  scope,
  password,
  keepSessionId,
}: ManageUserOptions & { password: string; keepSessionId?: string }) {
  const user = await managedUser(db, ref, scope);
  await assertPasswordAllowed(password, user);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await endSessions(trx, user.id, keepSessionId);
    await cancelPasswordResets(trx, user.id);
    await auditUserChange(trx, actor, user, 'user.password', { own: actor.id === user.id });
  });
  return { id: user.id, email: user.email };
}
