import { chiSquareSurvival, Z95 } from './distributions.js';

/** Paired 2x2 counts: a = yes/yes, b = yes (first) / no (second), c = no/yes, d = no/no. */
export interface PairedCounts {
  a: number;
  b: number;
  c: number;
  d: number;
}

export interface McNemarResult {
  n: number;
  counts: PairedCounts;
  /** Proportion "yes" on the first and second measure (e.g. safe by day, safe after dark). */
  firstProportion: number | null;
  secondProportion: number | null;
  /** first - second = (b - c) / n. */
  difference: number | null;
  /** Wald interval for a paired difference: se = sqrt(b + c - (b - c)²/n) / n. */
  ci95: [number, number] | null;
  /** (b - c)² / (b + c): R mcnemar.test(correct = FALSE). null when b + c = 0 (R gives NaN). */
  statistic: number | null;
  p: number | null;
  /** R's default mcnemar.test(): (|b - c| - 1)² / (b + c), and 0 when b = c (R applies no correction then). */
  correctedStatistic: number | null;
  correctedP: number | null;
  df: 1;
}

/**
 * Counts the pairs where both answers are known (a pair with a null or undefined side is left out).
 *
 * @returns a = yes/yes, b = yes/no, c = no/yes, d = no/no
 * @see R: table(first, second)
 * @example
 * pairedCounts([true, true, false, false, null], [true, false, true, false, true]); // => { a: 1, b: 1, c: 1, d: 1 }
 */
export function pairedCounts(first: readonly (boolean | null | undefined)[], second: readonly (boolean | null | undefined)[]): PairedCounts {
  if (first.length !== second.length) throw new RangeError('paired arrays must have the same length');
  const k = { a: 0, b: 0, c: 0, d: 0 };
  for (let i = 0; i < first.length; i++) {
    const x = first[i];
    const y = second[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    if (x && y) k.a++;
    else if (x) k.b++;
    else if (y) k.c++;
    else k.d++;
  }
  return k;
}

/**
 * McNemar test and the paired difference in proportions, for the same respondents answering two questions
 * (e.g. safe by day and after dark).
 *
 * @param counts - the paired counts (see pairedCounts)
 * @returns both proportions, their difference with a Wald interval, and the test without and with R's continuity
 *   correction; statistics are null without discordant pairs
 * @see R: mcnemar.test(matrix(c(a, c, b, d), 2), correct = FALSE) and its default correct = TRUE.
 *   McNemar, Q. (1947) Psychometrika 12(2), 153-157.
 * @example
 * mcnemarTest({ a: 30, b: 12, c: 4, d: 54 });
 * // => { difference: 0.08, statistic: 4, p: 0.0455003, correctedStatistic: 3.0625, correctedP: 0.0801183 }
 */
export function mcnemarTest(counts: PairedCounts): McNemarResult {
  const { a, b, c, d } = counts;
  const n = a + b + c + d;
  const disc = b + c;
  const difference = n > 0 ? (b - c) / n : null;
  let ci95: [number, number] | null = null;
  if (difference !== null) {
    const se = Math.sqrt(Math.max(0, disc - ((b - c) * (b - c)) / n)) / n;
    ci95 = [difference - Z95 * se, difference + Z95 * se];
  }
  const statistic = disc > 0 ? ((b - c) * (b - c)) / disc : null;
  const correctedStatistic = disc > 0 ? (b === c ? 0 : (Math.abs(b - c) - 1) ** 2 / disc) : null;
  return {
    n,
    counts: { a, b, c, d },
    firstProportion: n > 0 ? (a + b) / n : null,
    secondProportion: n > 0 ? (a + c) / n : null,
    difference,
    ci95,
    statistic,
    p: statistic === null ? null : chiSquareSurvival(statistic, 1),
    correctedStatistic,
    correctedP: correctedStatistic === null ? null : chiSquareSurvival(correctedStatistic, 1),
    df: 1,
  };
}
