/** The responses list's filter, from its GET form as typed: what to ask the database, or the problems to show. */

import { dateFromParts } from '../../platform/dateParts.js';
import type { FieldError } from '../../platform/errors.js';
import { londonLocalToUtcIso } from '../../platform/londonTime.js';
import { CHANNELS } from '../channels.js';
import type { ResponsesFilter } from './queries/responsesPage.js';
import type { ResponsesListQuery } from './schema.js';

export const PAGE_SIZE = 50;

export interface ReadFilter {
  filter: ResponsesFilter;
  /** 1-based; never under 1. */
  page: number;
  errors: FieldError[];
}

/** The day after a "YYYY-MM-DD" date, in the same form. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/**
 * Reads the list's filter. Dates are UK days: "from" includes its whole day from midnight, "to" its whole day up to
 * the next midnight. The ward is looked for under the survey's ward question, when it has one.
 */
export function readFilter(query: ResponsesListQuery, context: { wardQuestion: string | undefined; wardCodes: readonly string[] }): ReadFilter {
  const errors: FieldError[] = [];
  const filter: ResponsesFilter = {};
  if (query.channel) {
    if ((CHANNELS as readonly string[]).includes(query.channel)) filter.channel = query.channel;
    else errors.push({ field: 'channel', message: `Channel must be one of: ${CHANNELS.join(', ')}` });
  }
  if (query.ward) {
    if (context.wardQuestion && context.wardCodes.includes(query.ward)) filter.ward = { question: context.wardQuestion, code: query.ward };
    else errors.push({ field: 'ward', message: 'Select a ward from the list' });
  }
  const day = (name: 'from' | 'to', what: string) => {
    const date = dateFromParts(query[`${name}-day`], query[`${name}-month`], query[`${name}-year`]);
    if (!date) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !londonLocalToUtcIso(date)) {
      errors.push({ field: `${name}-day`, message: `The ${what} date must be a real date, like 27 3 2024` });
      return undefined;
    }
    return date;
  };
  const from = day('from', '"from"');
  const to = day('to', '"to"');
  if (from && to && to < from) errors.push({ field: 'to-day', message: 'The "to" date must be the same as or after the "from" date' });
  else {
    if (from) filter.from = londonLocalToUtcIso(from);
    if (to) filter.before = londonLocalToUtcIso(nextDay(to));
  }
  const page = /^\d{1,6}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
  return { filter, page, errors };
}

/** The pages to offer (GOV.UK pagination): the first, the last, and those next to the current one, gaps as null. */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of shown) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && n - previous > 1) out.push(null);
    out.push(n);
  }
  return out;
}
