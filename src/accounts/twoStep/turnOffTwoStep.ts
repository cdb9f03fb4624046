import { auditOwn } from '../auditOwn.js';
import { type ProofOptions, proveItIsThem } from './proveItIsThem.js';

/**
 * A signed-in user turns off their own two-step verification with their password (to move to a new phone, say: they
 * set it up again after). Its secret and recovery codes are deleted. Where their role must use it, they are asked to
 * set it up again at their next sign-in.
 */
export async function turnOffTwoStep(options: Omit<ProofOptions, 'code'>): Promise<void> {
  await proveItIsThem({ ...options, code: '' }, 'turn-off', 'turnOffPassword');
  const { db, user } = options;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('two_step_enrolments').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('two_step_recovery_codes').where('user_id', '=', user.id).execute();
    await auditOwn(trx, user, 'two-step.turn-off');
  });
}
