/**
 * `saferplan crime stats` and GET /api/v1/partnerships/{id}/crime (docs/crime.md): recorded crime and ASB by LSOA,
 * ward, month or type, with rates per 1,000 residents where the population is known.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type CrimeGroup, ratePer1000, withRates } from './analysis/rates.js';
import { areaPopulations } from './queries/areaPopulations.js';
import { type CrimeFilter, type CrimeGroupBy, crimeCounts } from './queries/crimeCounts.js';

export const GROUP_BYS = ['lsoa', 'ward', 'month', 'type'] as const;

export async function crimeStats(
  db: Kysely<Database>,
  partnershipId: string,
  groupBy: CrimeGroupBy,
  filter: CrimeFilter = {},
): Promise<{ groups: CrimeGroup[] }> {
  const [counts, people] = await Promise.all([crimeCounts(db, partnershipId, groupBy, filter), areaPopulations(db, partnershipId)]);
  if (groupBy === 'lsoa')
    return {
      groups: withRates(
        counts.map((c) => ({ ...c, name: (c.key && people.lsoas.get(c.key)?.name) || undefined })),
        { of: (key) => (key ? (people.lsoas.get(key)?.population ?? null) : null) },
      ),
    };
  if (groupBy === 'ward')
    return {
      groups: counts.map((c) => {
        const ward = c.key ? people.wards.get(c.key) : undefined;
        // Keyed by the ward's ONS code where it has one, as LSOAs are by theirs.
        return { key: ward?.onsCode ?? c.key, name: ward?.name ?? 'Not in a ward', count: c.count, rate: ratePer1000(c.count, ward?.population) };
      }),
    };
  return { groups: withRates(counts, { whole: people.whole }) };
}
