import { auditUserChange, inScope, keepAnAdmin, type ManageUserOptions, managedUser } from './manageUser.js';
import { endSessions } from './queries/endSessions.js';
import { cancelPasswordResets } from './queries/findPasswordReset.js';

/**
 * Takes a user out of the actor's partnerships, signs them out and cancels their reset link; a user left in no partnership is deleted (their
 * audit entries keep their email). The command line deletes the user whatever their partnerships.
 */
export async function removeUser({ db, actor, user: ref, scope }: ManageUserOptions) {
  return db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, ref, scope);
    const leaving = user.partnershipIds.filter((p) => inScope(scope, p));
    await keepAnAdmin(trx, user, leaving);
    const staying = user.partnershipIds.filter((p) => !leaving.includes(p));
    await endSessions(trx, user.id);
    await cancelPasswordResets(trx, user.id);
    if (staying.length === 0) await trx.deleteFrom('users').where('id', '=', user.id).execute();
    else await trx.deleteFrom('partnership_members').where('user_id', '=', user.id).where('partnership_id', 'in', leaving).execute();
    await auditUserChange(trx, actor, user, 'user.remove', { partnershipIds: leaving, deleted: staying.length === 0 });
    return { id: user.id, email: user.email, deleted: staying.length === 0 };
  });
}
