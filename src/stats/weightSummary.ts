/** Summary of a set of weights, with Kish's design effect due to weighting and effective sample size. */
export interface WeightSummary {
  n: number;
  sum: number;
  mean: number;
  min: number;
  max: number;
  /** max / mean. */
  maxRatio: number;
  /** Kish: n Σw² / (Σw)² = 1 + CV² of the weights (population CV). */
  kishDesignEffect: number;
  /** Kish: (Σw)² / Σw². */
  kishEffectiveSampleSize: number;
}

/**
 * Summarises weights: range, the largest as a multiple of the mean, and Kish's design effect due to weighting.
 *
 * @returns the summary, or null for no weights
 * @see Kish, L. (1992) Weighting for unequal Pi. Journal of Official Statistics 8(2), 183-200: deff = 1 + CV² of
 *   the weights; effective n = (Σw)² / Σw².
 * @example
 * weightSummary([1, 1, 2, 4]); // => { mean: 2, maxRatio: 2, kishDesignEffect: 1.375, kishEffectiveSampleSize: 2.909091 }
 */
export function weightSummary(weights: ArrayLike<number>): WeightSummary | null {
  const n = weights.length;
  if (n === 0) return null;
  let sum = 0;
  let sum2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    sum += w;
    sum2 += w * w;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  const mean = sum / n;
  return {
    n,
    sum,
    mean,
    min,
    max,
    maxRatio: max / mean,
    kishDesignEffect: (n * sum2) / (sum * sum),
    kishEffectiveSampleSize: (sum * sum) / sum2,
  };
}
