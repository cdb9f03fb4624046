import { normalTwoSidedP, Z95 } from './distributions.js';
import { wilsonInterval } from './wilson.js';

/** A local result: a count out of n (unweighted) or a weighted proportion with its design-based SE. */
export type LocalProportion = { successes: number; n: number } | { proportion: number; se: number };

/** The analyst's benchmark, e.g. 0.49 for "49% nationally"; n when the benchmark survey's base is known. */
export interface BenchmarkFigure {
  proportion: number;
  n?: number;
}

export interface BenchmarkComparison {
  local: number;
  benchmark: number;
  /** local - benchmark, as a proportion (x100 for percentage points). */
  difference: number;
  /** 95% interval for the difference. */
  ci95: [number, number];
  z: number;
  p: number;
  /** p < 0.05 (two-sided). */
  distinguishable: boolean;
  method: 'one-sample score' | 'two-sample' | 'design-based';
}

/**
 * Compares a local proportion with a benchmark figure.
 * - Count, benchmark without n: the benchmark is taken as known; score test z = (p - p0) / sqrt(p0(1-p0)/n)
 *   (R: prop.test(x, n, p = p0, correct = FALSE), X² = z²) and the Wilson interval of p shifted by p0, so
 *   "distinguishable" and "p0 outside the Wilson interval" always agree.
 * - Count, benchmark with n: two independent samples, pooled z test (R: prop.test(c(x1, x2), c(n1, n2),
 *   correct = FALSE)) and the unpooled Wald interval R reports.
 * - Weighted proportion with SE: z = (p - p0) / sqrt(se² + p0(1-p0)/n0) (n0 term only when given), Wald interval.
 *
 * @param local - a count out of n, or a weighted proportion with its design-based standard error
 * @param benchmark - the benchmark proportion (0-1), with its survey's base n when known
 * @returns the difference (local - benchmark, as a proportion), its 95% interval, z, the two-sided p and the method
 * @see R: prop.test(x, n, p = p0, correct = FALSE) and prop.test(c(x1, x2), c(n1, n2), correct = FALSE)
 * @example
 * compareWithBenchmark({ successes: 120, n: 300 }, { proportion: 0.49 });
 * // => { difference: -0.09, p: 0.00181888, distinguishable: true, method: 'one-sample score' }
 * compareWithBenchmark({ proportion: 0.52, se: 0.02 }, { proportion: 0.49 });
 * // => { difference: 0.03, z: 1.5, p: 0.133614, distinguishable: false, method: 'design-based' }
 */
export function compareWithBenchmark(local: LocalProportion, benchmark: BenchmarkFigure): BenchmarkComparison {
  const p0 = benchmark.proportion;
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError('benchmark proportion must be between 0 and 1');
  if ('successes' in local) {
    const { successes: x, n } = local;
    if (!(n > 0)) throw new RangeError('local base must be positive');
    const p = x / n;
    if (benchmark.n === undefined) {
      const z = (p - p0) / Math.sqrt((p0 * (1 - p0)) / n);
      const w = wilsonInterval(x, n) as [number, number];
      const pv = normalTwoSidedP(z);
      return {
        local: p,
        benchmark: p0,
        difference: p - p0,
        ci95: [w[0] - p0, w[1] - p0],
        z,
        p: pv,
        distinguishable: pv < 0.05,
        method: 'one-sample score',
      };
    }
    const n0 = benchmark.n;
    const pooled = (x + p0 * n0) / (n + n0);
    const z = (p - p0) / Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / n0));
    const se = Math.sqrt((p * (1 - p)) / n + (p0 * (1 - p0)) / n0);
    const d = p - p0;
    const pv = normalTwoSidedP(z);
    return { local: p, benchmark: p0, difference: d, ci95: [d - Z95 * se, d + Z95 * se], z, p: pv, distinguishable: pv < 0.05, method: 'two-sample' };
  }
  const { proportion: p, se: seLocal } = local;
  const se = Math.sqrt(seLocal * seLocal + (benchmark.n ? (p0 * (1 - p0)) / benchmark.n : 0));
  const d = p - p0;
  const z = d / se;
  const pv = normalTwoSidedP(z);
  return { local: p, benchmark: p0, difference: d, ci95: [d - Z95 * se, d + Z95 * se], z, p: pv, distinguishable: pv < 0.05, method: 'design-based' };
}
