import { wilsonPercentInterval } from './wilson.js';

export interface AsbScoreResult {
  /** Per respondent: the 0-21 score, or null unless all seven items were answered substantively. */
  scores: (number | null)[];
  /** Respondents with a score (the base). */
  n: number;
  meanScore: number | null;
  /** Respondents scoring at or above the threshold (11 nationally). */
  highCount: number;
  highPercent: number | null;
  highCi95: [number, number] | null;
}

/**
 * The perceived-ASB score: seven items each scored 3..0 (very big .. not a problem at all) summed to 0-21, for
 * respondents who answered all seven with a scored answer (don't know and blanks drop the respondent), and the
 * share with a high level (at or above highThreshold, 11 nationally). Unweighted; the interval is Wilson's.
 *
 * @param itemAnswers - per respondent, the answers to the items in order
 * @param options - scores: points per answer code (the crime survey template's ASB_SCORES); highThreshold: the
 *   score counted as high; items: how many items make a complete set (default 7)
 * @returns each respondent's score (null when incomplete), the base, the mean and the high share in percent
 * @see ONS, User guide to crime statistics for England and Wales: the Crime Survey's "high level of perceived
 *   anti-social behaviour" measure (seven strands scored 3..0, high at 11 or more of 21).
 * @example
 * const scores = { very_big_problem: 3, fairly_big_problem: 2, not_very_big_problem: 1, not_a_problem: 0 };
 * const [v, z] = ['very_big_problem', 'not_a_problem'];
 * asbPerceptionScore([[v, v, v, v, z, z, z], [z, z, z, z, z, z, z], [v, v]], { scores, highThreshold: 11 });
 * // => { scores: [12, 0, null], n: 2, meanScore: 6, highCount: 1, highPercent: 50 }
 */
export function asbPerceptionScore(
  itemAnswers: readonly (readonly (string | null | undefined)[])[],
  options: { scores: Readonly<Record<string, number>>; highThreshold: number; items?: number },
): AsbScoreResult {
  const scoring = options.scores;
  const items = options.items ?? 7;
  const threshold = options.highThreshold;
  const scores: (number | null)[] = [];
  let n = 0;
  let sum = 0;
  let high = 0;
  for (const answers of itemAnswers) {
    let s: number | null = answers.length === items ? 0 : null;
    for (let k = 0; s !== null && k < items; k++) {
      const a = answers[k];
      const v = a === null || a === undefined ? undefined : scoring[a];
      s = v === undefined ? null : s + v;
    }
    scores.push(s);
    if (s !== null) {
      n++;
      sum += s;
      if (s >= threshold) high++;
    }
  }
  return {
    scores,
    n,
    meanScore: n > 0 ? sum / n : null,
    highCount: high,
    highPercent: n > 0 ? (high / n) * 100 : null,
    highCi95: wilsonPercentInterval(high, n),
  };
}
