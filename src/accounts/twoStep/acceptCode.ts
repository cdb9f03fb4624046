import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { openSecret } from '../../platform/sealedSecret.js';
import { acceptedTimeStep } from './totp.js';

/**
 * Whether the code is the user's current one, not used before: on success its time step is stored, atomically, so
 * the same code sent twice at once is accepted once. A secret sealed under another SESSION_SECRET accepts nothing.
 */
export async function acceptTotpCode(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  typed: string,
  sessionSecret: string,
): Promise<boolean> {
  const row = await db.selectFrom('two_step_enrolments').select(['secret_sealed', 'last_time_step']).where('user_id', '=', userId).executeTakeFirst();
  const secret = row && openSecret(sessionSecret, 'totp-secret', row.secret_sealed);
  if (!row || !secret) return false;
  const step = await acceptedTimeStep(secret, typed, Number(row.last_time_step));
  if (step === undefined) return false;
  const updated = await db
    .updateTable('two_step_enrolments')
    .set({ last_time_step: step })
    .where('user_id', '=', userId)
    .where('last_time_step', '<', step)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
