/**
 * Census 2021 residents aged 16 and over per ward, for a partnership whose wards are the Coventry wards of the shipped
 * census file (fixtures/geo/census2021_age6_by_ward24_coventry_DERIVED.csv, see its PROVENANCE.md): the demo's
 * population to pre-fill weighting margins with, as no partnership holds a population table yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';

const FILE = path.join(REPOSITORY_ROOT, 'fixtures/geo/census2021_age6_by_ward24_coventry_DERIVED.csv');
let adults: Map<string, number> | undefined;

/** Ward name (lower case) -> usual residents aged 16 and over, read once. */
function adultsByWard(): Map<string, number> {
  if (!adults) {
    adults = new Map();
    const rows = parse(fs.readFileSync(FILE), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const r of rows) {
      if (r.age_group === 'Aged 15 years and under') continue;
      const ward = String(r.WD24NM).toLowerCase();
      adults.set(ward, (adults.get(ward) ?? 0) + Number(r.usual_residents));
    }
  }
  return adults;
}

/** Each ward's residents aged 16+, when every one of the partnership's wards is in the census file; otherwise none. */
export function censusWardPopulations(wards: readonly { name: string }[]): { name: string; population: number }[] {
  const byName = adultsByWard();
  const found = wards.map((w) => ({ name: w.name, population: byName.get(w.name.toLowerCase()) }));
  return wards.length > 0 && found.every((f) => f.population !== undefined) ? (found as { name: string; population: number }[]) : [];
}
