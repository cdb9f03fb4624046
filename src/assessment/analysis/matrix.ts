/**
 * A MoRiLE-style prioritisation matrix (docs/assessment.md): each issue scored on harm (1-5), likelihood (1-5) and the
 * partnership's capacity to act on it (1 = very limited, 5 = strong). Risk is harm x likelihood (1-25); the priority
 * score adds public concern (0-5: a point for each 10% of respondents naming it, at most 5) and the capacity gap
 * (5 - capacity, 0-4), so a harmful, likely issue people worry about and partners are ill-equipped for comes first.
 * Likelihood is pre-filled from the evidence: the quintile of its recorded rate among the issues (1-5), one up when it
 * rose by more than chance over the last year and one down when it fell. Each score says where it came from. Pure.
 */
import type { Change } from './yearOnYear.js';

export interface IssueEvidence {
  code: string;
  label: string;
  /** Recorded in the last 12 months; null when no recorded data covers it. */
  recorded: number | null;
  ratePer1000: number | null;
  change: Change | null;
  /** Percent of respondents naming it among their top concerns; null when the survey does not ask or has no answers. */
  concernPercent: number | null;
  /** Share of its recorded crime in the most deprived fifth of areas, against their share of residents. */
  deprivationRatio: number | null;
  /** The pre-filled harm. */
  harm: number;
}

export interface SetScores {
  harm: number | null;
  likelihood: number | null;
  capacity: number | null;
  rationale: string;
  updatedBy: string;
}

export interface ScoredIssue {
  code: string;
  label: string;
  evidence: IssueEvidence;
  harm: { value: number; set: boolean; why: string };
  likelihood: { value: number; set: boolean; why: string };
  capacity: { value: number; set: boolean; why: string };
  concern: { value: number; why: string };
  risk: number;
  score: number;
  rank: number;
  rationale: string;
}

export const DEFAULT_CAPACITY = 3;

const clamp = (n: number) => Math.min(5, Math.max(1, Math.round(n)));
const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

export function scoreIssues(evidence: readonly IssueEvidence[], set: ReadonlyMap<string, SetScores>): ScoredIssue[] {
  const rates = evidence
    .map((e) => e.ratePer1000)
    .filter((r): r is number => r !== null)
    .sort((a, b) => a - b);
  const scored = evidence.map((e) => {
    const mine = set.get(e.code);
    const likelihood = prefilledLikelihood(e, rates);
    const concernValue = e.concernPercent === null ? 0 : Math.min(5, Math.floor(e.concernPercent / 10));
    const harm = mine?.harm
      ? { value: mine.harm, set: true, why: `set by ${mine.updatedBy}` }
      : { value: e.harm, set: false, why: 'the usual harm of this kind of issue' };
    const like = mine?.likelihood
      ? { value: mine.likelihood, set: true, why: `set by ${mine.updatedBy}` }
      : { value: likelihood.value, set: false, why: likelihood.why };
    const capacity = mine?.capacity
      ? { value: mine.capacity, set: true, why: `set by ${mine.updatedBy}` }
      : { value: DEFAULT_CAPACITY, set: false, why: 'not yet assessed (middle of the scale)' };
    const concern = {
      value: concernValue,
      why:
        e.concernPercent === null
          ? 'the survey does not ask about it, or no one answered'
          : `${fmt(e.concernPercent)}% of respondents named it among their top concerns`,
    };
    const risk = harm.value * like.value;
    return {
      code: e.code,
      label: e.label,
      evidence: e,
      harm,
      likelihood: like,
      capacity,
      concern,
      risk,
      score: risk + concern.value + (5 - capacity.value),
      rank: 0,
      rationale: mine?.rationale ?? '',
    };
  });
  const order = [...scored].sort((a, b) => b.score - a.score || b.risk - a.risk || a.label.localeCompare(b.label));
  order.forEach((s, i) => {
    s.rank = i + 1;
  });
  return order;
}

function prefilledLikelihood(e: IssueEvidence, sortedRates: readonly number[]): { value: number; why: string } {
  if (e.ratePer1000 === null || e.recorded === null || sortedRates.length === 0)
    return { value: 3, why: 'no recorded data: the middle of the scale until partners’ data is added' };
  const below = sortedRates.filter((r) => r < (e.ratePer1000 as number)).length;
  const quintile = clamp(1 + Math.floor((below / sortedRates.length) * 5));
  const trend = e.change?.significant ? (e.change.current > e.change.previous ? 1 : -1) : 0;
  const value = clamp(quintile + trend);
  const change =
    e.change && e.change.percent !== null
      ? `; ${e.change.percent >= 0 ? 'up' : 'down'} ${fmt(Math.abs(e.change.percent))}% on the year before${e.change.significant ? ', more than chance' : ', within chance'}`
      : '';
  return {
    value,
    why: `${e.recorded.toLocaleString('en-GB')} recorded in the last 12 months (${fmt(e.ratePer1000)} per 1,000 residents, volume score ${quintile} of 5)${change}`,
  };
}
