import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { recordAudit } from '../platform/recordAudit.js';
import { actorOf } from './actorOf.js';
import type { Principal } from './policy.js';

/** An audit entry of something a user did to their own account (signing in or out, two-step verification). */
export const auditOwn = (db: Kysely<Database> | Transaction<Database>, user: Principal, action: string, detail: Record<string, unknown> = {}) =>
  recordAudit(db, {
    actor: actorOf(user),
    action,
    entity: 'user',
    entityId: user.id,
    partnershipId: user.partnershipIds[0] ?? null,
    detail: { email: user.email, ...detail },
  });
