/** The kinds of field a statement is made of, as zod schemas whose messages feed the GOV.UK error summary. Pure. */
import { z } from 'zod';

export const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())} must be ${max} characters or fewer`);

export const optionalText = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`).default('');

export const optionalEmail = (message: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(200, message)
    .refine((v) => v === '' || z.email().safeParse(v).success, message)
    .default('');

/** Text typed one item a line (a list on the page): blank lines dropped. Stored as the list. */
export const lines = (max: number) =>
  z
    .union([z.string().max(max, `Must be ${max} characters or fewer`), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean))
    .default([]);

/** A calendar date as YYYY-MM-DD, real (not 31 February). */
export const isoDate = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${what} as a real date, like 27 3 2026`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, `Enter ${what} as a real date, like 27 3 2026`);

/**
 * A GOV.UK date input's three boxes (day, month, year) as YYYY-MM-DD; '' when all are empty, and the boxes as typed
 * (so that isoDate refuses them, naming the date) when they are not a date.
 */
export function dateFromBoxes(day: string, month: string, year: string): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return `${y}-${m}-${d}!`;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** YYYY-MM-DD back into a date input's boxes. */
export function boxesFromDate(iso: string | undefined): { day: string; month: string; year: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' } : { day: '', month: '', year: '' };
}

/** "27 March 2026", as GOV.UK writes dates. */
export function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
