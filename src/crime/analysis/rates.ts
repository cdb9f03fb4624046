/** Counts with their rate per 1,000 residents where the population is known. Pure. */
export interface CrimeGroup {
  key: string | null;
  name?: string;
  count: number;
  /** Per 1,000 residents, to two decimal places; null where the population is not known. */
  rate: number | null;
}

export const ratePer1000 = (count: number, population: number | null | undefined): number | null =>
  population && population > 0 ? Math.round((count / population) * 1000 * 100) / 100 : null;

/**
 * Groups with rates: by area, each against its own population (`populationOf`); by month or type, against the whole
 * area's population (`wholePopulation`).
 */
export function withRates(
  counts: readonly { key: string | null; name?: string; count: number }[],
  population: { of: (key: string | null) => number | null } | { whole: number | null },
): CrimeGroup[] {
  return counts.map((c) => ({ ...c, rate: ratePer1000(c.count, 'whole' in population ? population.whole : population.of(c.key)) }));
}
