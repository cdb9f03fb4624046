import type { Kysely } from 'kysely';
import { fromJson, nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { STATEMENT_KINDS, type StatementKind, type StatementOf, storedOrDefault } from './statementKinds.js';

export interface SaveStatementOptions<K extends StatementKind> {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  kind: K;
  /** The fields as entered: checked against the statement's schema; a problem is a validation failure naming its field. */
  fields: unknown;
}

/** Saves a partnership's statement (accessibility or privacy) with an audit entry naming the fields that changed. */
export async function saveStatement<K extends StatementKind>({
  db,
  actor,
  partnershipId,
  kind,
  fields,
}: SaveStatementOptions<K>): Promise<StatementOf<K>> {
  const statement = parseOrThrow(STATEMENT_KINDS[kind].schema, fields) as StatementOf<K>;
  return db.transaction().execute(async (trx) => {
    const partnership = await trx
      .selectFrom('partnerships')
      .select(['id', 'name', 'area_code', 'created_at'])
      .where('id', '=', partnershipId)
      .executeTakeFirst();
    if (!partnership) throw notFound('Partnership');
    const before = await trx
      .selectFrom('partnership_statements')
      .select('content')
      .where('partnership_id', '=', partnershipId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const previous = storedOrDefault(
      kind,
      { name: partnership.name, areaCode: partnership.area_code, createdAt: partnership.created_at },
      before ? fromJson<unknown>(before.content, undefined) : undefined,
    );
    const changed = Object.keys(statement).filter(
      (key) => JSON.stringify((statement as Record<string, unknown>)[key]) !== JSON.stringify((previous as Record<string, unknown>)[key]),
    );
    const row = { content: toJson(statement), updated_at: nowIso(), updated_by: actor.label };
    await trx
      .insertInto('partnership_statements')
      .values({ partnership_id: partnershipId, kind, ...row })
      .onConflict((oc) => oc.columns(['partnership_id', 'kind']).doUpdateSet(row))
      .execute();
    await recordAudit(trx, {
      actor,
      action: `statement.update`,
      entity: 'partnership',
      entityId: partnershipId,
      partnershipId,
      detail: { statement: kind, changed },
    });
    return statement;
  });
}
