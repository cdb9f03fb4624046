import type { Kysely } from 'kysely';
import { fromJson, nowIso, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { Mapping } from '../partner/mapping.js';

export async function saveDataset(db: Kysely<Database>, partnershipId: string, name: string, mapping: Mapping, by: string) {
  await db.deleteFrom('partner_datasets').where('partnership_id', '=', partnershipId).where('name', '=', name).execute();
  await db
    .insertInto('partner_datasets')
    .values({ partnership_id: partnershipId, name, mapping: toJson(mapping), updated_at: nowIso(), updated_by: by })
    .execute();
}

export async function listDatasets(db: Kysely<Database>, partnershipId: string) {
  const rows = await db.selectFrom('partner_datasets').selectAll().where('partnership_id', '=', partnershipId).orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    mapping: fromJson<Mapping>(r.mapping, { date: '' } as Mapping),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** The partnership's postcodes with their LSOA and ward, and its wards by name and ONS code, for placing partners' rows. */
export async function placeLookups(db: Kysely<Database>, partnershipId: string) {
  const [postcodes, wards] = await Promise.all([
    db.selectFrom('postcodes').select(['postcode', 'lsoa_code', 'ward_code']).where('partnership_id', '=', partnershipId).execute(),
    db.selectFrom('wards').select(['code', 'name', 'ons_code']).where('partnership_id', '=', partnershipId).execute(),
  ]);
  const wardOf = new Map<string, string>();
  for (const w of wards) for (const key of [w.code, w.name, w.ons_code]) if (key) wardOf.set(key.toLowerCase(), w.code);
  return { postcodes: new Map(postcodes.map((p) => [p.postcode, { lsoa: p.lsoa_code, ward: p.ward_code }])), wardOf };
}
