import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  /** The actor as recorded: an email, or cli:<user>. */
  actor: string;
  partnershipId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

/** Which entries: always within `partnerships` ('all' only for the command line); every other part narrows. */
export interface AuditFilter {
  partnerships: readonly string[] | 'all';
  /** Text in the actor's recorded label (their email), or one of these actors (users whose name matched). */
  person?: { text: string; actorIds: readonly string[] };
  actions?: readonly string[];
  /** The kind of record, and optionally which one. */
  subject?: { entity: string; id?: string };
  /** ISO instants: from (inclusive) and before (exclusive). */
  from?: string;
  before?: string;
}

type AuditQuery = SelectQueryBuilder<Database, 'audit_log', object>;

/** `text` as a LIKE pattern matching it anywhere, its own % _ and \ escaped (used with ESCAPE '\'). */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(query: AuditQuery, filter: AuditFilter): AuditQuery {
  let q = query;
  if (filter.partnerships !== 'all') q = q.where('partnership_id', 'in', filter.partnerships);
  const { person, actions, subject } = filter;
  if (person)
    q = q.where((eb: ExpressionBuilder<Database, 'audit_log'>) =>
      eb.or([
        sql<boolean>`lower(actor_label) like ${containing(person.text)} escape '\\'`,
        ...(person.actorIds.length ? [eb('actor_id', 'in', person.actorIds)] : []),
      ]),
    );
  if (actions) q = q.where('action', 'in', actions);
  if (subject) {
    q = q.where('entity', '=', subject.entity);
    if (subject.id) q = q.where('entity_id', '=', subject.id);
  }
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.before) q = q.where('at', '<', filter.before);
  return q;
}

/** An empty list of partnerships or actions matches nothing (SQL's `in ()` is not valid). */
const matchesNothing = (filter: AuditFilter) => (filter.partnerships !== 'all' && filter.partnerships.length === 0) || filter.actions?.length === 0;

type AuditLogRow = Database['audit_log'];
const toEntry = (r: AuditLogRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actor: r.actor_label,
  partnershipId: r.partnership_id,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  detail: fromJson<Record<string, unknown>>(r.detail, {}),
});

/** One page of the entries matching the filter, newest first, and how many match in all. */
export async function auditEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  if (matchesNothing(filter)) return { entries: [], total: 0 };
  const base = where(db.selectFrom('audit_log'), filter);
  const [rows, counted] = await Promise.all([
    base.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ]);
  return { entries: rows.map(toEntry), total: Number(counted?.n ?? 0) };
}

/** Every entry matching the filter, newest first, read in batches (keyset on at, id) so a long log is never held at once. */
export async function* eachAuditEntry(db: Kysely<Database>, filter: AuditFilter, batch = 1000): AsyncGenerator<AuditEntry> {
  if (matchesNothing(filter)) return;
  let after: { at: string; id: string } | undefined;
  for (;;) {
    let q = where(db.selectFrom('audit_log'), filter).selectAll();
    if (after) {
      const { at, id } = after;
      q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(batch).execute();
    for (const row of rows) yield toEntry(row);
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = { at: last.at, id: last.id };
  }
}
