import { Z95 } from './distributions.js';

/**
 * Wilson score interval for a binomial proportion. The ends are exactly 0 and 1 when successes = 0 and
 * successes = n.
 *
 * @param successes - respondents with the answer, 0..n (a RangeError otherwise)
 * @param n - respondents in the base
 * @param z - normal quantile for the confidence level (default 1.959964, 95%)
 * @returns [low, high] as proportions (0-1), or null when n = 0
 * @see R: prop.test(x, n, correct = FALSE)$conf.int. Wilson, E. B. (1927) Probable inference, the law of
 *   succession, and statistical inference. JASA 22(158), 209-212.
 * @example
 * wilsonInterval(37, 120); // => [0.2327274, 0.3958300]
 * wilsonInterval(0, 10); // => [0, 0.2775328]
 */
export function wilsonInterval(successes: number, n: number, z: number = Z95): [number, number] | null {
  if (!(n > 0)) return null;
  if (successes < 0 || successes > n) throw new RangeError(`successes (${successes}) must lie between 0 and n (${n})`);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return [low, high];
}

/**
 * The Wilson interval in percent (0-100), the units of the analysis JSON's ci95.
 *
 * @returns [low, high] in percent, or null when n = 0
 * @see wilsonInterval (R: prop.test(x, n, correct = FALSE)$conf.int * 100)
 * @example
 * wilsonPercentInterval(37, 120); // => [23.27274, 39.58300]
 */
export function wilsonPercentInterval(successes: number, n: number, z: number = Z95): [number, number] | null {
  const ci = wilsonInterval(successes, n, z);
  return ci ? [ci[0] * 100, ci[1] * 100] : null;
}
