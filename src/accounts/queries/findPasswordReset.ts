import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { hashResetToken } from '../passwordResetToken.js';

/** The live reset link a token belongs to: unexpired, for an enabled user; undefined for any other token. */
export async function findPasswordReset(db: Kysely<Database> | Transaction<Database>, token: string, now: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['password_resets.user_id as userId', 'password_resets.token_hash as tokenHash', 'password_resets.expires_at as expiresAt'])
    .where('password_resets.token_hash', '=', hashResetToken(token))
    .where('password_resets.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

/** Cancels a user's reset link, if they have one (another is issued, they are disabled, their password changes). */
export async function cancelPasswordResets(db: Kysely<Database> | Transaction<Database>, userId: string): Promise<void> {
  await db.deleteFrom('password_resets').where('user_id', '=', userId).execute();
}
