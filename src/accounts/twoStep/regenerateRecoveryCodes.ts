import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { auditOwn } from '../auditOwn.js';
import { verifyPassword } from '../passwords.js';
import type { Principal } from '../policy.js';
import { acceptTotpCode } from './acceptCode.js';
import { replaceRecoveryCodes } from './recoveryCodeStore.js';

export interface RegenerateRecoveryCodesOptions {
  db: Kysely<Database>;
  user: Principal;
  /** Proof that it is them: their password, or else a code from their authenticator app. */
  password: string;
  code: string;
  sessionSecret: string;
}

/** New recovery codes in place of the old ones (which stop working), for a signed-in user who proves it is them again. */
export async function regenerateRecoveryCodes({ db, user, password, code, sessionSecret }: RegenerateRecoveryCodesOptions): Promise<string[]> {
  const enrolled = await db.selectFrom('two_step_enrolments').select('user_id').where('user_id', '=', user.id).executeTakeFirst();
  if (!enrolled) throw conflict('Set up two-step verification before making recovery codes');
  const withCode = code.trim() !== '';
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  const proved = withCode ? await acceptTotpCode(db, user.id, code, sessionSecret) : await verifyPassword(row.password_hash, password);
  if (!proved) {
    await auditOwn(db, user, 'two-step.failed', { stage: 'recovery-codes', with: withCode ? 'code' : 'password' });
    throw validationFailed([{ field: 'password', message: 'Enter your password, or a code from your authenticator app, correctly' }]);
  }
  return db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, user.id);
    await auditOwn(trx, user, 'two-step.recovery-codes');
    return codes;
  });
}
