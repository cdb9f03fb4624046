/** The population per ward that pre-fills the margins: Census 2021 adults for the demo's wards, else the partnership's LSOA populations by ward. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { listWards } from '../partnerships/index.js';
import { censusWardPopulations } from './censusWardPopulations.js';
import { wardPopulations } from './queries/wardPopulations.js';

export type PopulationSource = 'census' | 'lsoas';

export async function populationOfWards(
  db: Kysely<Database>,
  partnershipId: string,
): Promise<{ name: string; population: number; source: PopulationSource }[]> {
  const census = censusWardPopulations(await listWards(db, partnershipId));
  if (census.length > 0) return census.map((w) => ({ ...w, source: 'census' }));
  return (await wardPopulations(db, partnershipId)).map((w) => ({ ...w, source: 'lsoas' }));
}
