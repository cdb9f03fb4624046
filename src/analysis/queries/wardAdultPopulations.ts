import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUnder16 } from '../../geography/index.js';

/** Each ward's residents aged 16 and over from the partnership's imported ward populations by age band; none without bands. */
export async function wardAdultPopulations(db: Kysely<Database>, partnershipId: string): Promise<{ name: string; population: number }[]> {
  const rows = await db
    .selectFrom('area_populations')
    .innerJoin('wards', (join) =>
      join.onRef('wards.partnership_id', '=', 'area_populations.partnership_id').onRef('wards.code', '=', 'area_populations.area_code'),
    )
    .select(['wards.name as name', 'area_populations.age_band as band', 'area_populations.sex as sex', 'area_populations.population as population'])
    .where('area_populations.partnership_id', '=', partnershipId)
    .where('area_populations.area_kind', '=', 'ward')
    .orderBy('wards.name')
    .execute();
  if (!rows.some((r) => r.band !== 'all')) return [];
  const adults = new Map<string, number>();
  for (const r of rows)
    if (r.band !== 'all' && r.sex === 'all' && !isUnder16(r.band)) adults.set(r.name, (adults.get(r.name) ?? 0) + Number(r.population));
  return [...adults].map(([name, population]) => ({ name, population }));
}
