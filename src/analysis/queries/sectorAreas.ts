import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The partnership's postcodes counted by sector, ward and the IMD decile of their LSOA. */
export async function sectorAreas(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('postcodes')
    .leftJoin('lsoas', (join) => join.onRef('lsoas.partnership_id', '=', 'postcodes.partnership_id').onRef('lsoas.code', '=', 'postcodes.lsoa_code'))
    .select((eb) => [
      'postcodes.sector as sector',
      'postcodes.ward_code as wardCode',
      'lsoas.imd_decile as imdDecile',
      eb.fn.countAll<number>().as('postcodes'),
    ])
    .where('postcodes.partnership_id', '=', partnershipId)
    .groupBy(['postcodes.sector', 'postcodes.ward_code', 'lsoas.imd_decile'])
    .execute();
  return rows.map((r) => ({
    sector: r.sector,
    wardCode: r.wardCode,
    imdDecile: r.imdDecile === null ? null : Number(r.imdDecile),
    postcodes: Number(r.postcodes),
  }));
}
