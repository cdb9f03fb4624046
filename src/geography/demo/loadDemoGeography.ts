import fs from 'node:fs';
import path from 'node:path';
import type { DemoContext } from '../../app/capability.js';
import { REPOSITORY_ROOT } from '../../platform/repositoryPaths.js';
import { importBoundaries } from '../importBoundaries.js';
import { importGeographyTable } from '../importGeographyTable.js';
import type { TableKind } from '../tables/readGeoTable.js';

const fixture = (name: string) => fs.readFileSync(path.join(REPOSITORY_ROOT, 'fixtures/geo', name), 'utf8');

/**
 * Coventry's real geography (fixtures/geo, ONS, MHCLG and OS, OGL v3), in the order a partnership would import it:
 * ward and LSOA boundaries (2025 wards, 2011 LSOAs), the LSOA-to-ward lookup, Census 2021 residents by ward and age
 * band, and Code-Point Open postcodes. The LSOAs with their IMD 2019 and mid-2015 populations come with the partnership.
 */
const STEPS: ({ boundaries: string } | { kind: TableKind; file: string })[] = [
  { boundaries: 'coventry_wards_wd25.geojson' },
  { boundaries: 'coventry_lsoa11.geojson' },
  { kind: 'lookup', file: 'lsoa11_to_ward19_coventry.csv' },
  { kind: 'population', file: 'census2021_age6_by_ward24_coventry_DERIVED.csv' },
  { kind: 'postcodes', file: 'coventry_postcodes_codepoint_open_2025-10.csv' },
];

/** The demo partnership's geography, through the same imports a partnership uses; once. */
export async function loadDemoGeography({ handle, actor, loaded }: DemoContext): Promise<Record<string, unknown>> {
  const partnershipId = loaded.partnershipId;
  if (!partnershipId) return {};
  const any = await handle.db.selectFrom('boundaries').select('code').where('partnership_id', '=', partnershipId).executeTakeFirst();
  if (any) return {};
  for (const step of STEPS) {
    if ('boundaries' in step)
      await importBoundaries({ db: handle.db, actor, partnershipId, json: JSON.parse(fixture(step.boundaries)), fileName: step.boundaries });
    else await importGeographyTable({ db: handle.db, actor, partnershipId, kind: step.kind, text: fixture(step.file), fileName: step.file });
  }
  return {};
}
