/** The population per ward that pre-fills the margins: the imported ward populations aged 16+, else the partnership's LSOA populations by ward. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { wardAdultPopulations } from './queries/wardAdultPopulations.js';
import { wardPopulations } from './queries/wardPopulations.js';

export type PopulationSource = 'census' | 'lsoas';

export async function populationOfWards(
  db: Kysely<Database>,
  partnershipId: string,
): Promise<{ name: string; population: number; source: PopulationSource }[]> {
  const adults = await wardAdultPopulations(db, partnershipId);
  if (adults.length > 0) return adults.map((w) => ({ ...w, source: 'census' }));
  return (await wardPopulations(db, partnershipId)).map((w) => ({ ...w, source: 'lsoas' }));
}
