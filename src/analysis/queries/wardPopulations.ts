import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Each ward's population, summed from the partnership's LSOAs (the demo's: ONS mid-2015 estimates); wards without any are left out. */
export async function wardPopulations(db: Kysely<Database>, partnershipId: string): Promise<{ code: string; name: string; population: number }[]> {
  const rows = await db
    .selectFrom('lsoas')
    .innerJoin('wards', (join) => join.onRef('wards.partnership_id', '=', 'lsoas.partnership_id').onRef('wards.code', '=', 'lsoas.ward_code'))
    .select((eb) => ['wards.code as code', 'wards.name as name', eb.fn.sum<number>('lsoas.population').as('population')])
    .where('lsoas.partnership_id', '=', partnershipId)
    .groupBy(['wards.code', 'wards.name'])
    .orderBy('wards.name')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, population: Number(r.population ?? 0) })).filter((r) => r.population > 0);
}
