import { wilsonPercentInterval } from './wilson.js';

/** One option's count and share. percent and ci95 are 0-100, unrounded; null when the base is 0. */
export interface OptionFrequency {
  value: string;
  count: number;
  percent: number | null;
  ci95: [number, number] | null;
}

export interface SingleChoiceFrequencies {
  /** Respondents who gave a substantive answer: the percentage base. */
  base: number;
  /** Respondents who gave any answer, substantive or not. */
  answered: number;
  /** Respondents with no answer (null, undefined or empty string). */
  notAnswered: number;
  /** Substantive options in the order given; percent of base. */
  options: OptionFrequency[];
  /** Non-substantive answers (don't know, prefer not to say): percent of all who answered. */
  nonSubstantive: OptionFrequency[];
  /** Answers that are neither a listed option nor non-substantive (bad data), by value. */
  unexpected: Record<string, number>;
}

export type Answer = string | null | undefined;

function isBlank(a: Answer): a is null | undefined | '' {
  return a === null || a === undefined || a === '';
}

function row(value: string, count: number, base: number): OptionFrequency {
  return { value, count, percent: base > 0 ? (count / base) * 100 : null, ci95: wilsonPercentInterval(count, base) };
}

/**
 * Counts and percentages for a single-choice question. The base excludes non-substantive values
 * (passed in, e.g. new Set(['dont_know', 'prefer_not_to_say'])); those are reported separately as a
 * share of everyone who answered. ci95 is the Wilson interval.
 */
export function singleChoiceFrequencies(
  answers: readonly Answer[],
  options: readonly string[],
  nonSubstantive: ReadonlySet<string> = new Set(),
): SingleChoiceFrequencies {
  const counts = new Map<string, number>();
  let notAnswered = 0;
  for (const a of answers) {
    if (isBlank(a)) notAnswered++;
    else counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const substantive = options.filter((o) => !nonSubstantive.has(o));
  const nonSub = [...nonSubstantive];
  const base = substantive.reduce((s, o) => s + (counts.get(o) ?? 0), 0);
  const answered = answers.length - notAnswered;
  const unexpected: Record<string, number> = {};
  for (const [value, count] of counts) {
    if (!substantive.includes(value) && !nonSubstantive.has(value)) unexpected[value] = count;
  }
  return {
    base,
    answered,
    notAnswered,
    options: substantive.map((o) => row(o, counts.get(o) ?? 0, base)),
    nonSubstantive: nonSub.map((o) => row(o, counts.get(o) ?? 0, answered)),
    unexpected,
  };
}

export interface MultipleChoiceFrequencies {
  /** Respondents who chose at least one substantive option: the percentage base. */
  base: number;
  /** Respondents who ticked anything. */
  answered: number;
  notAnswered: number;
  /** Substantive options ranked by count (ties keep the given order); percent of respondents, not of ticks. */
  options: OptionFrequency[];
  /** Non-substantive options: percent of all who answered. */
  nonSubstantive: OptionFrequency[];
}

/**
 * Multiple choice: % of respondents (who answered the question) choosing each option, ranked.
 * A respondent's repeated ticks of one option count once.
 */
export function multipleChoiceFrequencies(
  answers: readonly (readonly string[] | null | undefined)[],
  options: readonly string[],
  nonSubstantive: ReadonlySet<string> = new Set(),
): MultipleChoiceFrequencies {
  const substantive = options.filter((o) => !nonSubstantive.has(o));
  const counts = new Map<string, number>();
  let base = 0;
  let answered = 0;
  for (const a of answers) {
    if (!a || a.length === 0) continue;
    answered++;
    const chosen = new Set(a);
    let anySubstantive = false;
    for (const v of chosen) {
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (!nonSubstantive.has(v)) anySubstantive = true;
    }
    if (anySubstantive) base++;
  }
  const ranked = substantive.map((o, i) => ({ o, i, c: counts.get(o) ?? 0 })).sort((x, y) => y.c - x.c || x.i - y.i);
  return {
    base,
    answered,
    notAnswered: answers.length - answered,
    options: ranked.map(({ o, c }) => row(o, c, base)),
    nonSubstantive: [...nonSubstantive].map((o) => row(o, counts.get(o) ?? 0, answered)),
  };
}

export interface RankedOption {
  value: string;
  /** Respondents who gave this option a rank. */
  rankedBy: number;
  /** Mean rank among them (1 = first); null if nobody ranked it. */
  meanRank: number | null;
  firstCount: number;
  /** % of respondents who answered the question that put this option first (0-100). */
  percentFirst: number | null;
  ci95First: [number, number] | null;
}

/**
 * Ranking questions: each answer lists options best first. Returns mean rank (over those who ranked
 * the option) and % ranked first (over all who answered), ordered by mean rank (unranked last).
 */
export function rankingSummary(
  answers: readonly (readonly string[] | null | undefined)[],
  options: readonly string[],
): { base: number; notAnswered: number; options: RankedOption[] } {
  const sum = new Map<string, number>();
  const by = new Map<string, number>();
  const first = new Map<string, number>();
  let base = 0;
  for (const a of answers) {
    if (!a || a.length === 0) continue;
    base++;
    const seen = new Set<string>();
    a.forEach((v, i) => {
      if (seen.has(v)) return;
      seen.add(v);
      sum.set(v, (sum.get(v) ?? 0) + i + 1);
      by.set(v, (by.get(v) ?? 0) + 1);
    });
    const top = a[0] as string;
    first.set(top, (first.get(top) ?? 0) + 1);
  }
  const rows = options.map((value, i) => {
    const n = by.get(value) ?? 0;
    const f = first.get(value) ?? 0;
    return {
      i,
      r: {
        value,
        rankedBy: n,
        meanRank: n > 0 ? (sum.get(value) ?? 0) / n : null,
        firstCount: f,
        percentFirst: base > 0 ? (f / base) * 100 : null,
        ci95First: wilsonPercentInterval(f, base),
      },
    };
  });
  rows.sort((x, y) => (x.r.meanRank ?? Infinity) - (y.r.meanRank ?? Infinity) || x.i - y.i);
  return { base, notAnswered: answers.length - base, options: rows.map((x) => x.r) };
}

/** Rating grids: each row is a single-choice question over the same scale. */
export function ratingGridFrequencies(
  rows: readonly { code: string; answers: readonly Answer[] }[],
  scale: readonly string[],
  nonSubstantive: ReadonlySet<string> = new Set(),
): { code: string; frequencies: SingleChoiceFrequencies }[] {
  return rows.map((r) => ({ code: r.code, frequencies: singleChoiceFrequencies(r.answers, scale, nonSubstantive) }));
}
