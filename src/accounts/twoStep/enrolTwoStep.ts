import type { Kysely } from 'kysely';
import { nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { sealSecret } from '../../platform/sealedSecret.js';
import { auditOwn } from '../auditOwn.js';
import type { Principal } from '../policy.js';
import { replaceRecoveryCodes } from './recoveryCodeStore.js';
import { acceptedTimeStep, codeProblem } from './totp.js';

export interface EnrolTwoStepOptions {
  db: Kysely<Database>;
  user: Principal;
  /** The secret shown to the user (QR code and text) while they set up their app. */
  secret: string;
  /** The code their app shows, proving it holds the secret. */
  code: string;
  /** SESSION_SECRET: the secret is stored sealed under it. */
  sessionSecret: string;
  /** Set up while signing in: the sign-in is recorded with it. */
  signingIn: boolean;
}

/**
 * Turns on two-step verification once the user's app gives a right code for the new secret: stores the secret sealed
 * (and the code's time step, so it is not accepted again) and new recovery codes, returned to be shown once. A wrong
 * code is recorded and refused.
 */
export async function enrolTwoStep({ db, user, secret, code, sessionSecret, signingIn }: EnrolTwoStepOptions): Promise<{ recoveryCodes: string[] }> {
  const step = await acceptedTimeStep(secret, code);
  if (step === undefined) {
    await auditOwn(db, user, 'two-step.failed', { stage: 'set-up' });
    throw validationFailed([{ field: 'code', message: codeProblem(code) }]);
  }
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('two_step_enrolments').select('user_id').where('user_id', '=', user.id).executeTakeFirst();
    if (existing) throw conflict('Two-step verification is already set up for this account');
    await trx
      .insertInto('two_step_enrolments')
      .values({ user_id: user.id, secret_sealed: sealSecret(sessionSecret, 'totp-secret', secret), last_time_step: step, enrolled_at: nowIso() })
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, user.id);
    await auditOwn(trx, user, 'two-step.enrol');
    if (signingIn) await auditOwn(trx, user, 'session.sign-in', { twoStep: 'set-up' });
    return { recoveryCodes };
  });
}
