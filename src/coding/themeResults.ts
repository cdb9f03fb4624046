/**
 * How often each theme was raised: of the respondents who answered a question, how many had an answer coded with the
 * theme, with a 95% interval; overall and by group; weighted when a design is given. Pure: arrays in, figures out.
 */
import { byGroup, estimate, type SurveyDesign, weightedProportions, wilsonPercentInterval } from '../stats/index.js';

export interface ThemeCell {
  /** Respondents who answered the question (in the group). */
  base: number;
  /** Of those, respondents whose answer has the theme. */
  count: number;
  /** count / base, 0-100; null for an empty base. */
  percent: number | null;
  /** Wilson score interval, 0-100. */
  ci95: [number, number] | null;
  /** Weighted figures (design-based: estimate ± 1.96 se, within 0-100), present when a design was given. */
  weightedPercent?: number | null;
  weightedCi95?: [number, number] | null;
}

export interface ThemeRow<T> {
  theme: T;
  overall: ThemeCell;
  groups: ThemeCell[];
}

export interface ThemeResultsInput<T> {
  /** 1 for each respondent who answered the question (the base). */
  answered: ArrayLike<number>;
  /** Each theme with 1 for each respondent whose answer has it. */
  themes: readonly { theme: T; has: ArrayLike<number> }[];
  /** Each respondent's group 0..size-1 (anything else: in no group), for a breakdown. */
  groups?: { codes: ArrayLike<number>; size: number } | null;
  /** The weighted design over every respondent; null for unweighted figures. */
  design?: SurveyDesign | null;
}

const clamp = (ci: readonly [number, number]): [number, number] => [Math.max(0, ci[0] * 100), Math.min(100, ci[1] * 100)];

function cell(base: number, count: number): ThemeCell {
  return { base, count, percent: base > 0 ? (count / base) * 100 : null, ci95: wilsonPercentInterval(count, base) };
}

/**
 * Each theme's share of those who answered, overall and in each group.
 *
 * @example
 * themeResults({ answered: [1, 1, 1, 0], themes: [{ theme: 'drugs', has: [1, 0, 1, 0] }] })[0]?.overall;
 * // => { base: 3, count: 2, percent: 66.66667 }
 */
export function themeResults<T>({ answered, themes, groups, design }: ThemeResultsInput<T>): ThemeRow<T>[] {
  const n = answered.length;
  const size = groups?.size ?? 0;
  return themes.map(({ theme, has }) => {
    if (has.length !== n) throw new RangeError('each theme needs one entry per respondent');
    const overall = { base: 0, count: 0 };
    const inGroup = Array.from({ length: size }, () => ({ base: 0, count: 0 }));
    // The theme as a two-level answer of those who answered (1 = has it), missing for the rest.
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (!answered[i]) {
        codes[i] = -1;
        continue;
      }
      const yes = has[i] ? 1 : 0;
      codes[i] = yes;
      overall.base++;
      overall.count += yes;
      const g = groups ? (groups.codes[i] as number) : -1;
      const tally = g >= 0 && g < size ? inGroup[g] : undefined;
      if (tally) {
        tally.base++;
        tally.count += yes;
      }
    }
    const row: ThemeRow<T> = { theme, overall: cell(overall.base, overall.count), groups: inGroup.map((g) => cell(g.base, g.count)) };
    if (design) {
      const weighted = (p: ReturnType<ReturnType<typeof weightedProportions>['result']> | null, target: ThemeCell) => {
        const level = p && p.n > 0 ? p.levels[1] : undefined;
        target.weightedPercent = level ? level.estimate * 100 : null;
        target.weightedCi95 = level ? clamp(level.ci95) : null;
      };
      weighted(estimate(design, weightedProportions(codes, 2)), row.overall);
      if (groups) for (const [j, p] of byGroup(design, groups, weightedProportions(codes, 2)).entries()) weighted(p, row.groups[j] as ThemeCell);
    }
    return row;
  });
}
