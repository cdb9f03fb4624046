import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  partnershipId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

/** Newest first: entries for the given partnerships plus install-wide ones (no partnership). */
export async function listAuditLog(db: Kysely<Database>, partnershipIds: readonly string[], limit = 200): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id').limit(limit);
  query = query.where((eb) =>
    partnershipIds.length > 0
      ? eb.or([eb('partnership_id', 'is', null), eb('partnership_id', 'in', partnershipIds)])
      : eb('partnership_id', 'is', null),
  );
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor_label,
    partnershipId: r.partnership_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: fromJson<Record<string, unknown>>(r.detail, {}),
  }));
}
