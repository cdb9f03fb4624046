/** Monthly counts over time: the rolling 12 months and each calendar month's seasonal index. Pure. */

export interface MonthCount {
  month: string; // YYYY-MM
  count: number;
}

/** Every month from the first to the last, with 0 for months that had none, in order. */
export function fillMonths(counts: readonly MonthCount[]): MonthCount[] {
  if (counts.length === 0) return [];
  const byMonth = new Map(counts.map((c) => [c.month, c.count]));
  const sorted = [...byMonth.keys()].sort();
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const first = index(sorted[0] as string);
  const last = index(sorted.at(-1) as string);
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const n = first + i;
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    return { month, count: byMonth.get(month) ?? 0 };
  });
}

/** The sum of each month and the 11 before it; null until 12 months are there. */
export function rolling12(months: readonly MonthCount[]): (number | null)[] {
  let sum = 0;
  return months.map((m, i) => {
    sum += m.count;
    if (i >= 12) sum -= (months[i - 12] as MonthCount).count;
    return i >= 11 ? sum : null;
  });
}

/**
 * Each calendar month's average count as a share of the average month (100 = typical), over whole years only so no
 * month is counted more often than another; null for a month with no data or with less than a year in all.
 */
export function seasonalIndex(months: readonly MonthCount[]): (number | null)[] {
  const whole = months.slice(months.length % 12);
  if (whole.length < 12) return Array.from({ length: 12 }, () => null);
  const sums = Array.from({ length: 12 }, () => 0);
  const ns = Array.from({ length: 12 }, () => 0);
  for (const m of whole) {
    const k = Number(m.month.slice(5, 7)) - 1;
    sums[k] = (sums[k] as number) + m.count;
    ns[k] = (ns[k] as number) + 1;
  }
  const mean = whole.reduce((n, m) => n + m.count, 0) / whole.length;
  return sums.map((s, k) => (ns[k] && mean > 0 ? Math.round((s / (ns[k] as number) / mean) * 1000) / 10 : null));
}
