/**
 * Whether a count changed by more than chance between two periods of equal length. Recorded crimes in a period are
 * taken as Poisson; given the total of the two, the current period's count is binomial with p = 1/2 under no change,
 * so the test is the exact two-sided binomial test (the conditional test for two Poisson rates), by normal
 * approximation with continuity correction once the total passes 1,000. Pure.
 */
import { normalTwoSidedP } from '../../stats/index.js';

export interface Change {
  current: number;
  previous: number;
  /** Percent change from the previous period; null when it had none. */
  percent: number | null;
  /** Two-sided p-value of no change. */
  p: number;
  /** p below 0.05. */
  significant: boolean;
}

export function poissonChange(current: number, previous: number): Change {
  const total = current + previous;
  const percent = previous > 0 ? ((current - previous) / previous) * 100 : null;
  const p = total === 0 ? 1 : total > 1000 ? normalApprox(current, total) : exactBinomialTwoSided(current, total);
  return { current, previous, percent, p, significant: p < 0.05 };
}

function normalApprox(k: number, n: number): number {
  const z = Math.max(0, Math.abs(k - n / 2) - 0.5) / Math.sqrt(n / 4);
  return normalTwoSidedP(z);
}

/** Sum of the probabilities of every outcome no more likely than k under Binomial(n, 1/2). */
function exactBinomialTwoSided(k: number, n: number): number {
  // log(i!) for i = 0..n, summed exactly enough for n up to 1,000.
  const logFactorial = [0];
  for (let i = 1; i <= n; i++) logFactorial.push((logFactorial[i - 1] as number) + Math.log(i));
  const logPmf = (i: number) => (logFactorial[n] as number) - (logFactorial[i] as number) - (logFactorial[n - i] as number) - n * Math.LN2;
  const observed = logPmf(k);
  let p = 0;
  for (let i = 0; i <= n; i++) {
    const l = logPmf(i);
    if (l <= observed + 1e-9) p += Math.exp(l);
  }
  return Math.min(1, p);
}
