import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DemoContext } from '../../app/capability.js';
import { listBoundaries } from '../../geography/index.js';
import { importCrime } from '../importCrime.js';
import { importPartnerData } from '../partner/importPartnerData.js';
import { demoPostcodes } from '../queries/demoPostcodes.js';
import { saveDataset } from '../queries/partnerDatasets.js';
import { DEMO_FLY_TIPPING, flyTippingCsv } from './generateFlyTipping.js';
import { type DemoLsoa, monthsFrom, STREET_HEADER, streetRows } from './generateStreetRows.js';

/** Three years to the end of the demo consultation's fieldwork (October 2021 to September 2024). */
export const DEMO_MONTHS = monthsFrom('2021-10', 36);
/** Coventry records about 2,000 to 4,000 crimes a month, with ASB (DOMAIN.md). */
const PER_MONTH = 2500;

/**
 * The demo partnership's recorded crime: generated police.uk street files over its real LSOAs (generateStreetRows.ts),
 * labelled as demo data in their force and location columns, imported through the same importer a partnership uses;
 * and a generated council fly-tipping dataset (generateFlyTipping.ts) through the partners' importer; once.
 */
export async function loadDemoCrime({ handle, actor, loaded }: DemoContext): Promise<Record<string, unknown>> {
  const partnershipId = loaded.partnershipId;
  if (!partnershipId) return {};
  const any = await handle.db.selectFrom('crime_imports').select('id').where('partnership_id', '=', partnershipId).executeTakeFirst();
  if (any) return {};
  const [areas, lsoas] = await Promise.all([
    listBoundaries(handle.db, partnershipId, 'lsoa'),
    handle.db.selectFrom('lsoas').select(['code', 'population', 'crime_decile']).where('partnership_id', '=', partnershipId).execute(),
  ]);
  const known = new Map(lsoas.map((l) => [l.code, l]));
  const demoLsoas: DemoLsoa[] = areas.flatMap((area) => {
    const l = known.get(area.code);
    return l?.population && l.crime_decile ? [{ area, population: Number(l.population), crimeDecile: Number(l.crime_decile) }] : [];
  });
  if (demoLsoas.length === 0) return {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-demo-crime-'));
  try {
    const files: string[] = [];
    for (const { month, lines } of streetRows({ lsoas: demoLsoas, months: DEMO_MONTHS, perMonth: PER_MONTH, seed: 2024 })) {
      const file = path.join(dir, `${month}-demo-data-street.csv`);
      fs.writeFileSync(file, `${STREET_HEADER}\n${lines.join('\n')}\n`);
      files.push(file);
    }
    const summary = await importCrime({ db: handle.db, actor, partnershipId, files });
    const postcodes = await demoPostcodes(handle.db, partnershipId);
    if (postcodes.length === 0) return { crimeRows: summary.imported };
    const flyTipping = path.join(dir, 'fly-tipping-demo-data.csv');
    fs.writeFileSync(flyTipping, flyTippingCsv({ postcodes, months: DEMO_MONTHS, perMonth: 350, seed: 2025 }));
    await saveDataset(handle.db, partnershipId, DEMO_FLY_TIPPING, { date: 'Report date', category: 'Type', postcode: 'Postcode' }, actor.label);
    const partner = await importPartnerData({
      db: handle.db,
      actor,
      partnershipId,
      dataset: DEMO_FLY_TIPPING,
      file: flyTipping,
      label: 'fly-tipping-demo-data.csv',
    });
    return { crimeRows: summary.imported, flyTippingRows: partner.imported };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
