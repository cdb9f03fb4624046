import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Rows in each table of the database (Kysely's own migration tables aside), by table name. */
export async function tableRowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
