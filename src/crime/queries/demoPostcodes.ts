import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The partnership's postcodes with the IMD decile of their LSOA, in postcode order (for the demo's generated data). */
export async function demoPostcodes(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('postcodes')
    .leftJoin('lsoas', (join) => join.onRef('lsoas.partnership_id', '=', 'postcodes.partnership_id').onRef('lsoas.code', '=', 'postcodes.lsoa_code'))
    .select(['postcodes.postcode as postcode', 'lsoas.imd_decile as imdDecile'])
    .where('postcodes.partnership_id', '=', partnershipId)
    .orderBy('postcodes.postcode')
    .execute();
  return rows.map((r) => ({ postcode: r.postcode, imdDecile: r.imdDecile === null ? null : Number(r.imdDecile) }));
}
