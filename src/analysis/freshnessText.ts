import type { Freshness } from '../db/freshness.js';

/** What the dashboard says when its figures came from a replica: nothing when they are the primary's. */
export function freshnessText(f: Freshness): string | undefined {
  if (f.source === 'primary') return undefined;
  if (f.lagSeconds === 0) return 'These figures were read from a copy of the database that was up to date.';
  if (f.lagSeconds === null)
    return 'These figures were read from a copy of the database: responses stored in the last moments may not be counted yet.';
  const s = f.lagSeconds === 1 ? 'second' : 'seconds';
  return `These figures were read from a copy of the database that was ${f.lagSeconds} ${s} behind: the newest responses may not be counted yet.`;
}
