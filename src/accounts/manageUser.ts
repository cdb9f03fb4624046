// What every change to a user shares: who may be changed by whom, the last-administrator rule, the audit entry.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { countOtherAdmins } from './queries/countOtherAdmins.js';
import { findUser, type UserRef } from './queries/findUser.js';
import type { UserSummary } from './queries/listUsers.js';

/** The partnerships whose users the actor manages: an administrator's own, or every one (the command line). */
export type UserScope = readonly string[] | 'all';

export interface ManageUserOptions {
  db: Kysely<Database>;
  actor: Actor;
  user: UserRef;
  scope: UserScope;
}

export const inScope = (scope: UserScope, partnershipId: string) => scope === 'all' || scope.includes(partnershipId);

/** The user to change, if the actor manages them; another partnership's user is "not found", as if there were none. */
export async function managedUser(db: Kysely<Database>, ref: UserRef, scope: UserScope): Promise<UserSummary> {
  const user = await findUser(db, ref);
  if (user && (scope === 'all' || user.partnershipIds.some((p) => inScope(scope, p)))) return user;
  throw 'email' in ref ? new AppError('not_found', 404, `No user has the email ${ref.email.trim().toLowerCase()}`) : notFound('User');
}

/** Refuses to remove, disable or demote the only enabled administrator of any of the given partnerships. */
export async function keepAnAdmin(trx: Transaction<Database>, user: UserSummary, partnershipIds = user.partnershipIds) {
  if (user.role !== 'admin' || user.disabled) return;
  for (const partnershipId of partnershipIds) {
    if ((await countOtherAdmins(trx, partnershipId, user.id)) === 0)
      throw conflict(`${user.email} is the only administrator of their partnership: make another user an administrator first`);
  }
}

export const auditUserChange = (trx: Transaction<Database>, actor: Actor, user: UserSummary, action: string, detail: Record<string, unknown> = {}) =>
  recordAudit(trx, {
    actor,
    action,
    entity: 'user',
    entityId: user.id,
    partnershipId: user.partnershipIds[0] ?? null,
    detail: { email: user.email, ...detail },
  });
