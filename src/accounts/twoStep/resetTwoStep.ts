import { auditUserChange, type ManageUserOptions, managedUser } from '../manageUser.js';
import { endSessions } from '../queries/endSessions.js';

/**
 * An administrator turns off a user's two-step verification (a lost phone, say): the secret and recovery codes are
 * deleted and the user is signed out everywhere (but the administrator's own session, when they reset their own);
 * where their role requires it, they set it up again at their next sign-in. Recorded with whether it had been set up.
 */
export async function resetTwoStep({ db, actor, user: ref, scope, keepSessionId }: ManageUserOptions & { keepSessionId?: string }) {
  return db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, ref, scope);
    const removed = await trx.deleteFrom('two_step_enrolments').where('user_id', '=', user.id).executeTakeFirst();
    await trx.deleteFrom('two_step_recovery_codes').where('user_id', '=', user.id).execute();
    await endSessions(trx, user.id, keepSessionId);
    await auditUserChange(trx, actor, user, 'two-step.reset', { wasSetUp: Number(removed.numDeletedRows) === 1 });
    return { id: user.id, email: user.email };
  });
}
