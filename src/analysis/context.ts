/** What every part of an analysis shares: the table, who is in the filters, the small-base rules and the weights. */

import { type BaseStatus, baseStatus, type SmallBaseRules, type SurveyDesign } from '../stats/index.js';
import type { IndicatorSet } from '../surveys/index.js';
import type { ResponseTable } from './responseTable.js';

export interface AnalysisContext {
  table: ResponseTable;
  /** 1 for respondents inside the filters (the domain). */
  mask: Uint8Array;
  /** The respondents inside the filters, ascending: a filtered analysis passes over these only. */
  members: Int32Array;
  /** Respondents inside the filters. */
  n: number;
  rules: SmallBaseRules;
  /** The weighted design over ALL respondents (filters are domains of it), or null when unweighted. */
  design: SurveyDesign | null;
  /** The survey template's headline indicators and breakdowns; undefined for a template without them. */
  indicators: IndicatorSet | undefined;
}

export function statusOf(n: number, ctx: AnalysisContext): BaseStatus {
  return baseStatus(n, ctx.rules);
}

/** The indexes of the 1s in a mask, ascending. */
export function membersOf(mask: Uint8Array, count: number): Int32Array {
  const members = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) members[j++] = i;
  return members;
}

/** Unweighted percent (0-100) or null for an empty base. */
export const pct = (count: number, base: number): number | null => (base > 0 ? (count / base) * 100 : null);

export const times100 = (ci: readonly [number, number] | null | undefined): [number, number] | null => (ci ? [ci[0] * 100, ci[1] * 100] : null);

/** "Base: all who answered, excluding don't know, n = 652". */
export function baseDescription(n: number, excluded: readonly string[], who = 'all who answered', filtered = false): string {
  const excl = excluded.length > 0 ? `, excluding ${excluded.map((l) => l.toLowerCase()).join(' and ')}` : '';
  return `Base: ${who}${filtered ? ' (within the filters)' : ''}${excl}, n = ${n}`;
}
