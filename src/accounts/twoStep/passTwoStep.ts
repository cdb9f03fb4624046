import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { validationFailed } from '../../platform/errors.js';
import { auditOwn } from '../auditOwn.js';
import type { Principal } from '../policy.js';
import { acceptTotpCode } from './acceptCode.js';
import { useRecoveryCode } from './recoveryCodeStore.js';
import { codeProblem } from './totp.js';

export interface PassTwoStepOptions {
  db: Kysely<Database>;
  /** The user whose password was accepted. */
  user: Principal;
  /** A code from their authenticator app, or else a recovery code. */
  code: string;
  recoveryCode: string;
  sessionSecret: string;
}

/**
 * The second step of signing in: a code from the authenticator app (once per time step) or one of the recovery codes
 * (used up). On success the sign-in is recorded, with a recovery code's use and how many are left; a wrong code is
 * recorded and refused.
 */
export async function passTwoStep({ db, user, code, recoveryCode, sessionSecret }: PassTwoStepOptions): Promise<'code' | 'recovery-code'> {
  const withRecovery = recoveryCode.trim() !== '';
  const passed = await db.transaction().execute(async (trx) => {
    if (withRecovery) {
      const left = await useRecoveryCode(trx, user.id, recoveryCode);
      if (left === undefined) return false;
      await auditOwn(trx, user, 'two-step.recovery-code-used', { left });
    } else if (!(await acceptTotpCode(trx, user.id, code, sessionSecret))) return false;
    await auditOwn(trx, user, 'session.sign-in', { twoStep: withRecovery ? 'recovery-code' : 'code' });
    return true;
  });
  if (passed) return withRecovery ? 'recovery-code' : 'code';
  await auditOwn(db, user, 'two-step.failed', { stage: 'sign-in', with: withRecovery ? 'recovery-code' : 'code' });
  throw validationFailed([
    withRecovery
      ? { field: 'recoveryCode', message: 'Enter one of your recovery codes that has not been used' }
      : { field: 'code', message: codeProblem(code) },
  ]);
}
