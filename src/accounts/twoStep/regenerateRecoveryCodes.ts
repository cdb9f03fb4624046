import { auditOwn } from '../auditOwn.js';
import { type ProofOptions, proveItIsThem } from './proveItIsThem.js';
import { replaceRecoveryCodes } from './recoveryCodeStore.js';

/** New recovery codes in place of the old ones (which stop working), for a signed-in user who proves it is them again. */
export async function regenerateRecoveryCodes(options: ProofOptions): Promise<string[]> {
  await proveItIsThem(options, 'recovery-codes', 'password');
  const { db, user } = options;
  return db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, user.id);
    await auditOwn(trx, user, 'two-step.recovery-codes');
    return codes;
  });
}
