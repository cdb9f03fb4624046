import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The partnership's saved margins, in the order entered; none when it has not saved any. */
export async function savedMargins(db: Kysely<Database>, partnershipId: string): Promise<{ variable: string; value: string; population: number }[]> {
  const rows = await db
    .selectFrom('weighting_margins')
    .select(['variable', 'value', 'population'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ variable: r.variable, value: r.value, population: Number(r.population) }));
}
