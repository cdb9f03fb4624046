import { fromBool } from '../db/columnTypes.js';
import { auditUserChange, keepAnAdmin, type ManageUserOptions, managedUser } from './manageUser.js';
import { endSessions } from './queries/endSessions.js';
import { cancelPasswordResets } from './queries/findPasswordReset.js';

/** Disables a user (they are signed out at once, cannot sign in, and their reset link stops working) or enables them again. */
export async function setUserDisabled({ db, actor, user: ref, scope, disabled }: ManageUserOptions & { disabled: boolean }) {
  return db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, ref, scope);
    if (user.disabled === disabled) return { id: user.id, email: user.email, disabled };
    if (disabled) await keepAnAdmin(trx, user);
    await trx
      .updateTable('users')
      .set({ disabled: fromBool(disabled) })
      .where('id', '=', user.id)
      .execute();
    if (disabled) {
      await endSessions(trx, user.id);
      await cancelPasswordResets(trx, user.id);
    }
    await auditUserChange(trx, actor, user, disabled ? 'user.disable' : 'user.enable');
    return { id: user.id, email: user.email, disabled };
  });
}
