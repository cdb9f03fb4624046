import fs from 'node:fs';
import path from 'node:path';
import type { DemoContext } from '../../app/capability.js';
import { REPOSITORY_ROOT } from '../../platform/repositoryPaths.js';
import { importBoundaries } from '../importBoundaries.js';

/** Coventry's real boundaries (fixtures/geo, ONS, OGL v3): its 18 wards of 2025 and its 195 LSOAs of 2011. */
const FILES = ['coventry_wards_wd25.geojson', 'coventry_lsoa11.geojson'];

/** The demo partnership's ward and LSOA boundaries, through the same import a partnership uses; once. */
export async function loadDemoBoundaries({ handle, actor, loaded }: DemoContext): Promise<Record<string, unknown>> {
  const partnershipId = loaded.partnershipId;
  if (!partnershipId) return {};
  const any = await handle.db.selectFrom('boundaries').select('code').where('partnership_id', '=', partnershipId).executeTakeFirst();
  if (any) return {};
  for (const name of FILES) {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'fixtures/geo', name), 'utf8'));
    await importBoundaries({ db: handle.db, actor, partnershipId, json, fileName: name });
  }
  return {};
}
