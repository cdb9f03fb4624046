import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { StatementPartnership } from '../accessibility.js';
import { type StatementKind, type StatementOf, storedOrDefault } from '../statementKinds.js';

export interface LoadedStatement<K extends StatementKind> {
  statement: StatementOf<K>;
  /** When an admin last saved it; undefined while it is the default. */
  updatedAt: string | undefined;
}

/** A partnership's statement as its admins last saved it, or the default for a partnership that has not. */
export async function loadStatement<K extends StatementKind>(
  db: Kysely<Database>,
  partnership: StatementPartnership & { id: string },
  kind: K,
): Promise<LoadedStatement<K>> {
  const row = await db
    .selectFrom('partnership_statements')
    .select(['content', 'updated_at'])
    .where('partnership_id', '=', partnership.id)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return {
    statement: storedOrDefault(kind, partnership, row ? fromJson<unknown>(row.content, undefined) : undefined),
    updatedAt: row?.updated_at,
  };
}
