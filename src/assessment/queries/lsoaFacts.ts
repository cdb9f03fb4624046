import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The partnership's LSOAs with their ward, IMD decile and population. */
export async function lsoaFacts(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('lsoas')
    .select(['code', 'name', 'ward_code', 'imd_decile', 'population'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    wardCode: r.ward_code,
    imdDecile: r.imd_decile === null ? null : Number(r.imd_decile),
    population: r.population === null ? null : Number(r.population),
  }));
}
