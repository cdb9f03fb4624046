import type { Estimator, WeightedEstimate } from './byGroup.js';

export interface WeightedLevel extends WeightedEstimate {
  /** Respondents giving this answer (unweighted). */
  count: number;
  /** Σ weights of those respondents. */
  weightedCount: number;
}

export interface WeightedProportions {
  /** Respondents in the base (the domain, excluding missing answers). */
  n: number;
  /** Σ weights in the base. */
  weightedBase: number;
  /** One per level code 0..nLevels-1; estimate is a proportion (0-1). */
  levels: WeightedLevel[];
  /** Covariance of the level proportions (nLevels x nLevels, row-major). */
  covariance: Float64Array;
}

export interface WeightedMean extends WeightedEstimate {
  n: number;
  weightedBase: number;
}

/**
 * The proportions of a categorical answer, for byGroup or estimate: the means of its levels' indicators.
 *
 * @param codes - each respondent's answer, codes 0..nLevels-1; anything else is missing and left out of the base
 * @returns an estimator whose result has the base, each level's proportion (0-1) and their covariance
 * @see R: svymean(~factor(y), design, na.rm = TRUE, deff = TRUE)
 * @example
 * estimate(createDesign([1, 2, 1, 2]), weightedProportions([0, 1, 1, -1], 2));
 * // => { n: 3, weightedBase: 4, levels: [{ estimate: 0.25, count: 1, weightedCount: 1 }, { estimate: 0.75, count: 2, weightedCount: 3 }] }
 */
export function weightedProportions(codes: ArrayLike<number>, nLevels: number): Estimator<WeightedProportions> {
  return {
    statistics: nLevels,
    statisticOf: codes,
    result: ({ n, weightedBase, estimates, counts, weightedCounts, covariance }) => ({
      n,
      weightedBase,
      levels: estimates.map((e, j) => ({ ...e, count: counts[j] as number, weightedCount: weightedCounts[j] as number })),
      covariance,
    }),
  };
}

/**
 * The mean of a numeric answer, for byGroup or estimate.
 *
 * @param values - each respondent's answer; NaN is missing and left out
 * @see R: svymean(~y, design, na.rm = TRUE, deff = TRUE)
 * @example
 * estimate(createDesign([1, 2, 1]), weightedMean([4, 1, Number.NaN])); // => { estimate: 2, n: 2, weightedBase: 3 }
 */
export function weightedMean(values: ArrayLike<number>): Estimator<WeightedMean> {
  const present = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) present[i] = Number.isNaN(values[i]) ? -1 : 0;
  return {
    statistics: 1,
    statisticOf: present,
    values,
    result: ({ n, weightedBase, estimates }) => ({ ...(estimates[0] as WeightedEstimate), n, weightedBase }),
  };
}
