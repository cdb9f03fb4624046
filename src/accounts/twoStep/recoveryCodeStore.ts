import type { Kysely, Transaction } from 'kysely';
import { nowIso, toCount } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { hashRecoveryCode, newRecoveryCodes } from './recoveryCodes.js';

type Db = Kysely<Database> | Transaction<Database>;

/** New recovery codes for the user in place of any they had: the codes, to show once; only their hashes are stored. */
export async function replaceRecoveryCodes(trx: Transaction<Database>, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await trx.deleteFrom('two_step_recovery_codes').where('user_id', '=', userId).execute();
  const created_at = nowIso();
  await trx
    .insertInto('two_step_recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code), created_at })))
    .execute();
  return codes;
}

/** Uses up one of the user's recovery codes: the number left after it, or undefined when the code is not one of theirs. */
export async function useRecoveryCode(db: Db, userId: string, typed: string): Promise<number | undefined> {
  const deleted = await db
    .deleteFrom('two_step_recovery_codes')
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(typed))
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) return undefined;
  const left = await db
    .selectFrom('two_step_recovery_codes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return toCount(left.n as string | number);
}
