/** Turning a posted question page (@fastify/formbody strings and string arrays) into raw answers keyed by code. */
import type { Question } from '../../surveys/index.js';

export type FormBody = Record<string, unknown>;
export type RawAnswers = Record<string, string | string[]>;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return '';
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** The field name of one rank position of a ranking question: `${code}__1` is the 1st choice. */
export const rankField = (code: string, position: number) => `${code}__${position}`;

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

/** The day, month and year boxes for a stored raw date. */
export function dateParts(value: unknown): { day: string; month: string; year: string } {
  const parts = typeof value === 'string' && value ? value.split('-') : [];
  return { year: parts[0] ?? '', month: parts[1] ?? '', day: parts.slice(2).join('-') };
}

/** Raw answers for the given questions only; a question left blank gets '' (or []) so it replaces an earlier answer. */
export function formAnswers(questions: readonly Question[], body: FormBody): RawAnswers {
  const out: RawAnswers = {};
  for (const q of questions) {
    switch (q.type) {
      case 'rating_grid':
        for (const row of q.rows) out[row.code] = text(body[row.code]);
        break;
      case 'multiple_choice':
        out[q.code] = list(body[q.code]);
        break;
      case 'ranking': {
        const ranked: string[] = [];
        for (let i = 1; i <= q.rankTop; i++) {
          const choice = text(body[rankField(q.code, i)]).trim();
          if (choice) ranked.push(choice);
        }
        out[q.code] = ranked;
        break;
      }
      case 'date':
        out[q.code] = dateFromParts(text(body[`${q.code}-day`]), text(body[`${q.code}-month`]), text(body[`${q.code}-year`]));
        break;
      default:
        out[q.code] = text(body[q.code]);
    }
  }
  return out;
}
