import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AreaIndex, listBoundaries } from '../../geography/index.js';
import type { PartnershipArea } from '../placement.js';

/** The partnership's geography for placing records: its LSOAs with their wards, and its boundaries as indexes. */
export async function partnershipArea(db: Kysely<Database>, partnershipId: string): Promise<PartnershipArea> {
  const [lsoas, wards, lsoaAreas, wardAreas] = await Promise.all([
    db.selectFrom('lsoas').select(['code', 'ward_code']).where('partnership_id', '=', partnershipId).execute(),
    db.selectFrom('wards').select(['code', 'ons_code']).where('partnership_id', '=', partnershipId).execute(),
    listBoundaries(db, partnershipId, 'lsoa'),
    listBoundaries(db, partnershipId, 'ward'),
  ]);
  return {
    lsoaIndex: lsoaAreas.length ? new AreaIndex(lsoaAreas) : undefined,
    wardIndex: wardAreas.length ? new AreaIndex(wardAreas) : undefined,
    lsoaWards: new Map(lsoas.map((l) => [l.code, l.ward_code])),
    wardOfOnsCode: new Map(wards.filter((w) => w.ons_code).map((w) => [w.ons_code as string, w.code])),
  };
}
