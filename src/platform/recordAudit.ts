import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';

export interface Actor {
  id: string | null;
  label: string;
}

/** The command line acts as itself; its audit entries say so. */
export const cliActor = (): Actor => ({ id: null, label: `cli:${process.env.USER ?? 'unknown'}` });

export interface AuditEntry {
  actor: Actor;
  action: string;
  entity: string;
  entityId?: string | null;
  partnershipId?: string | null;
  detail?: Record<string, unknown>;
}

/** Call inside the same transaction as the change, so a change is never recorded without its audit entry. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      partnership_id: entry.partnershipId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      detail: toJson(entry.detail ?? {}),
    })
    .execute();
}
