import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface AreaPopulations {
  lsoas: Map<string, { name: string; population: number | null }>;
  /** The partnership's ward code -> name, ONS code and population. */
  wards: Map<string, { name: string; onsCode: string | null; population: number | null }>;
  whole: number | null;
}

/**
 * Residents by LSOA (the LSOA table) and by ward (the imported ward populations' all-ages totals, else the ward's LSOAs
 * summed), and in the whole area, for rates.
 */
export async function areaPopulations(db: Kysely<Database>, partnershipId: string): Promise<AreaPopulations> {
  const [lsoas, wards, wardPeople] = await Promise.all([
    db.selectFrom('lsoas').select(['code', 'name', 'ward_code', 'population']).where('partnership_id', '=', partnershipId).execute(),
    db.selectFrom('wards').select(['code', 'name', 'ons_code']).where('partnership_id', '=', partnershipId).execute(),
    db
      .selectFrom('area_populations')
      .select(['area_code', 'age_band', 'sex', 'population'])
      .where('partnership_id', '=', partnershipId)
      .where('area_kind', '=', 'ward')
      .execute(),
  ]);
  const imported = new Map<string, number>();
  const hasAllAges = new Set(wardPeople.filter((w) => w.age_band === 'all' && w.sex === 'all').map((w) => w.area_code));
  for (const w of wardPeople) {
    const counts = hasAllAges.has(w.area_code) ? w.age_band === 'all' && w.sex === 'all' : w.sex === 'all';
    if (counts) imported.set(w.area_code, (imported.get(w.area_code) ?? 0) + Number(w.population));
  }
  const summed = new Map<string, number>();
  for (const l of lsoas) if (l.ward_code && l.population != null) summed.set(l.ward_code, (summed.get(l.ward_code) ?? 0) + Number(l.population));
  const lsoaTotal = lsoas.reduce((n, l) => n + Number(l.population ?? 0), 0);
  const wardTotal = [...imported.values()].reduce((n, p) => n + p, 0);
  return {
    lsoas: new Map(lsoas.map((l) => [l.code, { name: l.name, population: l.population == null ? null : Number(l.population) }])),
    wards: new Map(wards.map((w) => [w.code, { name: w.name, onsCode: w.ons_code, population: imported.get(w.code) ?? summed.get(w.code) ?? null }])),
    whole: lsoaTotal > 0 ? lsoaTotal : wardTotal > 0 ? wardTotal : null,
  };
}
