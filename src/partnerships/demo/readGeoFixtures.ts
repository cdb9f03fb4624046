import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REPOSITORY_ROOT } from '../../platform/repositoryPaths.js';

export const GEO_FIXTURES = path.join(REPOSITORY_ROOT, 'fixtures/geo');

export interface LsoaFixture {
  code: string;
  name: string;
  imdRank: number;
  imdDecile: number;
  crimeDecile: number;
  population: number;
}

const num = (text: string | undefined): number => Number(String(text ?? '').replace(/,/g, ''));

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(GEO_FIXTURES, file)), { columns: true, bom: true, skip_empty_lines: true });
}

/** Coventry's 195 LSOAs (2011) with IMD 2019 rank and decile, crime decile and mid-2015 population. */
export function readCoventryLsoas(): LsoaFixture[] {
  const domains = new Map(readCsv('coventry_iod2019_domains_lsoa11.csv').map((r) => [r['LSOA code (2011)'], r]));
  const population = new Map(readCsv('coventry_iod2019_population_denominators_lsoa11.csv').map((r) => [r['LSOA code (2011)'], r]));
  return readCsv('coventry_imd2019_lsoa11.csv').map((r) => {
    const code = r['LSOA code (2011)'] ?? '';
    return {
      code,
      name: r['LSOA name (2011)'] ?? '',
      imdRank: num(r['Index of Multiple Deprivation (IMD) Rank']),
      imdDecile: num(r['Index of Multiple Deprivation (IMD) Decile']),
      crimeDecile: num(domains.get(code)?.['Crime Decile (where 1 is most deprived 10% of LSOAs)']),
      population: num(population.get(code)?.['Total population: mid 2015 (excluding prisoners)']),
    };
  });
}
