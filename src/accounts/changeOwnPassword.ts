import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { validationFailed } from '../platform/errors.js';
import { actorOf } from './actorOf.js';
import { assertPasswordAllowed } from './passwordPolicy.js';
import { verifyPassword } from './passwords.js';
import type { Principal } from './policy.js';
import { setUserPassword } from './setUserPassword.js';

export interface ChangeOwnPasswordOptions {
  db: Kysely<Database>;
  user: Principal;
  currentPassword: string;
  newPassword: string;
  /** The session making the change stays signed in; every other one of theirs ends. */
  sessionId: string;
}

/** A signed-in user changes their own password, proving it is them with the current one. */
export async function changeOwnPassword({ db, user, currentPassword, newPassword, sessionId }: ChangeOwnPasswordOptions) {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, currentPassword)))
    throw validationFailed([{ field: 'currentPassword', message: 'Enter your current password correctly' }]);
  if (newPassword === currentPassword)
    throw validationFailed([{ field: 'newPassword', message: 'Enter a password different from your current one' }]);
  await assertPasswordAllowed(newPassword, user, 'newPassword');
  return setUserPassword({ db, actor: actorOf(user), user: { id: user.id }, scope: 'all', password: newPassword, keepSessionId: sessionId });
}
