import { validationFailed } from '../platform/errors.js';
import { auditUserChange, keepAnAdmin, type ManageUserOptions, managedUser } from './manageUser.js';
import { isRole, ROLES } from './roles.js';

/** Gives a user another role; the last administrator of a partnership keeps theirs. */
export async function changeUserRole({ db, actor, user: ref, scope, role }: ManageUserOptions & { role: string }) {
  if (!isRole(role)) throw validationFailed([{ field: 'role', message: `Role must be one of: ${ROLES.join(', ')}` }]);
  return db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, ref, scope);
    if (user.role === role) return { id: user.id, email: user.email, role };
    if (role !== 'admin') await keepAnAdmin(trx, user);
    await trx.updateTable('users').set({ role }).where('id', '=', user.id).execute();
    await auditUserChange(trx, actor, user, 'user.role', { from: user.role, to: role });
    return { id: user.id, email: user.email, role };
  });
}
