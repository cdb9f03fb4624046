/** A GOV.UK date input's three boxes (name-day, name-month, name-year) to one "YYYY-MM-DD" text, and back. */
import { firstValue } from './validation.js';

/**
 * "YYYY-MM-DD" from the three date boxes, or '' when all are blank. Whatever was typed is kept in place
 * (unpadded year, letters) so validation reports it and the page can show it again (see dateParts).
 */
export function dateFromParts(day: string, month: string, year: string): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return '';
  const pad = (s: string) => (/^\d$/.test(s) ? `0${s}` : s);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The date a posted form's date input `name` holds (see dateFromParts). */
export const dateFromForm = (body: Readonly<Record<string, unknown>>, name: string) =>
  dateFromParts(firstValue(body[`${name}-day`]), firstValue(body[`${name}-month`]), firstValue(body[`${name}-year`]));

/** The day, month and year boxes for a stored raw date. */
export function dateParts(value: unknown): { day: string; month: string; year: string } {
  const parts = typeof value === 'string' && value ? value.split('-') : [];
  return { year: parts[0] ?? '', month: parts[1] ?? '', day: parts.slice(2).join('-') };
}
