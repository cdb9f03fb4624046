import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';

/** How many rows each table holds: taken before and after an import that must change nothing when it is refused. */
export async function tableCounts(db: Kysely<Database>, tables: readonly (keyof Database)[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
