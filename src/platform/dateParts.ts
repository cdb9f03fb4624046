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

/** The boxes for a stored raw date, as typed ("2024-02-31": 31, 02, 2024); a part the text does not have is left unset. */
export function dateParts(value: unknown): { day: string | undefined; month: string | undefined; year: string } {
  const [year = '', month, day] = (typeof value === 'string' ? value : '').split('-');
  return { year, month, day };
}
