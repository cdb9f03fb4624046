import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { auditOwn } from '../auditOwn.js';
import { verifyPassword } from '../passwords.js';
import type { Principal } from '../policy.js';
import { acceptTotpCode } from './acceptCode.js';

export interface ProofOptions {
  db: Kysely<Database>;
  user: Principal;
  /** Their password, or else a code from their authenticator app (used up like any other). */
  password: string;
  code: string;
  sessionSecret: string;
}

/**
 * Before a change to their own two-step verification, a signed-in user proves again that it is them: a session left
 * open is not enough. A wrong answer is recorded (`stage` says for what) and refused against the form's `field`.
 */
export async function proveItIsThem({ db, user, password, code, sessionSecret }: ProofOptions, stage: string, field: string): Promise<void> {
  const enrolled = await db.selectFrom('two_step_enrolments').select('user_id').where('user_id', '=', user.id).executeTakeFirst();
  if (!enrolled) throw conflict('Two-step verification is not set up for this account');
  const withCode = code.trim() !== '';
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  const proved = withCode ? await acceptTotpCode(db, user.id, code, sessionSecret) : await verifyPassword(row.password_hash, password);
  if (proved) return;
  await auditOwn(db, user, 'two-step.failed', { stage, with: withCode ? 'code' : 'password' });
  throw validationFailed([{ field, message: withCode ? 'Enter the code your authenticator app shows now' : 'Enter your password correctly' }]);
}
