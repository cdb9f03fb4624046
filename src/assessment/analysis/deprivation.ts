/** Recorded crime against deprivation: the rate in each IMD decile, and how concentrated it is in the most deprived areas. Pure. */
import { ratePer1000 } from '../../crime/index.js';

export interface LsoaFigures {
  code: string;
  count: number;
  population: number | null;
  /** IMD decile, 1 = most deprived. */
  imdDecile: number | null;
}

export interface DecileRate {
  decile: number;
  lsoas: number;
  count: number;
  population: number;
  rate: number | null;
}

export function ratesByDecile(lsoas: readonly LsoaFigures[]): DecileRate[] {
  return Array.from({ length: 10 }, (_, i) => {
    const inDecile = lsoas.filter((l) => l.imdDecile === i + 1);
    const count = inDecile.reduce((n, l) => n + l.count, 0);
    const population = inDecile.reduce((n, l) => n + (l.population ?? 0), 0);
    return { decile: i + 1, lsoas: inDecile.length, count, population, rate: ratePer1000(count, population) };
  }).filter((d) => d.lsoas > 0);
}

export interface Concentration {
  /** The deciles counted as most deprived: 1 (England's most deprived tenth) or 1-2 (fifth). */
  deciles: number;
  lsoas: number;
  crimeShare: number;
  populationShare: number;
  /** How many times its population share the crime share is; null without population. */
  ratio: number | null;
}

/** The share of recorded crime in the partnership's LSOAs in England's most deprived tenth and fifth, beside their share of residents. */
export function concentration(lsoas: readonly LsoaFigures[]): Concentration[] {
  const totalCount = lsoas.reduce((n, l) => n + l.count, 0);
  const totalPeople = lsoas.reduce((n, l) => n + (l.population ?? 0), 0);
  return [1, 2].map((deciles) => {
    const most = lsoas.filter((l) => l.imdDecile !== null && l.imdDecile <= deciles);
    const crimeShare = totalCount ? (most.reduce((n, l) => n + l.count, 0) / totalCount) * 100 : 0;
    const populationShare = totalPeople ? (most.reduce((n, l) => n + (l.population ?? 0), 0) / totalPeople) * 100 : 0;
    return {
      deciles,
      lsoas: most.length,
      crimeShare: Math.round(crimeShare * 10) / 10,
      populationShare: Math.round(populationShare * 10) / 10,
      ratio: populationShare > 0 ? Math.round((crimeShare / populationShare) * 100) / 100 : null,
    };
  });
}
