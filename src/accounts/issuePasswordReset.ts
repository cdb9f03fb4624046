import { nowIso } from '../db/columnTypes.js';
import { conflict } from '../platform/errors.js';
import { auditUserChange, type ManageUserOptions, managedUser } from './manageUser.js';
import { hashResetToken, newResetToken, RESET_LINK_HOURS, resetLinkPath } from './passwordResetToken.js';
import { cancelPasswordResets } from './queries/findPasswordReset.js';

/**
 * Makes a one-time password reset link for a user the actor manages: a random token of which only the hash is stored,
 * working once, for RESET_LINK_HOURS, replacing any link made before. The link is returned to be shown once (there is
 * no email from SaferPlan); the audit entry never holds it.
 */
export async function issuePasswordReset({ db, actor, user: ref, scope, now = new Date() }: ManageUserOptions & { now?: Date }) {
  const token = newResetToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000).toISOString();
  const user = await db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, ref, scope);
    if (user.disabled) throw conflict(`${user.email} is disabled: enable them before making a password reset link`);
    await cancelPasswordResets(trx, user.id);
    await trx
      .insertInto('password_resets')
      .values({ user_id: user.id, token_hash: hashResetToken(token), created_at: nowIso(), expires_at: expiresAt, created_by: actor.label })
      .execute();
    await auditUserChange(trx, actor, user, 'user.password-reset-link', { expiresAt });
    return user;
  });
  return { id: user.id, email: user.email, name: user.name, path: resetLinkPath(token), expiresAt };
}
