// A sign-in with the council's account, after the provider's answer was checked (oidcClient.ts): the provider is the
// source of truth for the role, so a user is created at their first sign-in, and their role follows the provider's at
// every sign-in. Each sign-in, refusal, creation and role change is written to the audit log in one transaction.
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { findPartnership } from '../../partnerships/index.js';
import { recordAudit } from '../../platform/recordAudit.js';
import { hashPassword } from '../passwords.js';
import { findUser } from '../queries/findUser.js';
import type { Role } from '../roles.js';

/** Who the provider says signed in: the verified claims SaferPlan reads. */
export interface OidcIdentity {
  email: string;
  name: string;
  /** Their SaferPlan role from the provider's roles (oidcRoles.ts), undefined when none is mapped. */
  role: Role | undefined;
}

/** Why a sign-in was refused: each has its own page (viewModels.ts) and audit entry. */
export const OIDC_REFUSALS = ['no-role', 'disabled', 'not-a-user', 'provider-error', 'expired', 'invalid-response', 'unreachable'] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export type OidcOutcome = { outcome: 'signed-in'; userId: string } | { outcome: 'refused'; reason: OidcRefusal };

export const recordOidcRefusal = (
  db: Kysely<Database> | Transaction<Database>,
  reason: OidcRefusal,
  email?: string,
  user?: { id: string; partnershipIds: string[] },
) =>
  recordAudit(db, {
    actor: { id: null, label: email ?? 'single sign-on' },
    action: 'session.sso-refused',
    entity: 'user',
    entityId: user?.id ?? null,
    partnershipId: user?.partnershipIds[0] ?? null,
    detail: { ...(email ? { email } : {}), reason },
  });

/** A password nobody knows: an SSO user signs in through the provider only (a reset link can still give one). */
const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

export interface SignInWithOidcOptions {
  db: Kysely<Database>;
  identity: OidcIdentity;
  /** OIDC_PARTNERSHIP: the partnership (slug or id) a new user joins; unset, only existing users sign in. */
  partnership: string | undefined;
}

export async function signInWithOidc({ db, identity, partnership }: SignInWithOidcOptions): Promise<OidcOutcome> {
  const { email, name, role } = identity;
  const passwordHash = await unusablePasswordHash();
  return db.transaction().execute(async (trx): Promise<OidcOutcome> => {
    const existing = await findUser(trx, { email });
    const refuse = async (reason: OidcRefusal): Promise<OidcOutcome> => {
      await recordOidcRefusal(trx, reason, email, existing);
      return { outcome: 'refused', reason };
    };
    if (!role) return refuse('no-role');
    if (existing?.disabled) return refuse('disabled');
    let user = existing;
    if (!user) {
      const joins = partnership ? await findPartnership(trx, partnership) : undefined;
      if (!joins) return refuse('not-a-user');
      const id = newId();
      const createdAt = nowIso();
      await trx.insertInto('users').values({ id, email, name, role, password_hash: passwordHash, disabled: 0, created_at: createdAt }).execute();
      await trx.insertInto('partnership_members').values({ partnership_id: joins.id, user_id: id, created_at: createdAt }).execute();
      await recordAudit(trx, {
        actor: { id, label: email },
        action: 'user.create',
        entity: 'user',
        entityId: id,
        partnershipId: joins.id,
        detail: { email, role, partnershipIds: [joins.id], via: 'sso' },
      });
      user = { id, email, name, role, disabled: false, partnershipIds: [joins.id], createdAt };
    } else if (user.role !== role) {
      await trx.updateTable('users').set({ role }).where('id', '=', user.id).execute();
      await recordAudit(trx, {
        actor: { id: user.id, label: email },
        action: 'user.role',
        entity: 'user',
        entityId: user.id,
        partnershipId: user.partnershipIds[0] ?? null,
        detail: { email, from: user.role, to: role, via: 'sso' },
      });
    }
    await recordAudit(trx, {
      actor: { id: user.id, label: email },
      action: 'session.sign-in',
      entity: 'user',
      entityId: user.id,
      partnershipId: user.partnershipIds[0] ?? null,
      detail: { email, via: 'sso' },
    });
    return { outcome: 'signed-in', userId: user.id };
  });
}
