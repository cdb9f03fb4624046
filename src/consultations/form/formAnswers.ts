/** Turning a posted question page (@fastify/formbody strings and string arrays) into raw answers keyed by code. */
import { dateFromForm } from '../../platform/dateParts.js';
import { type FormBody, firstValue } from '../../platform/validation.js';
import type { Question } from '../../surveys/index.js';

export type RawAnswers = Record<string, string | string[]>;

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** The field name of one rank position of a ranking question: `${code}__1` is the 1st choice. */
export const rankField = (code: string, position: number) => `${code}__${position}`;

/** Raw answers for the given questions only; a question left blank gets '' (or []) so it replaces an earlier answer. */
export function formAnswers(questions: readonly Question[], body: FormBody): RawAnswers {
  const out: RawAnswers = {};
  for (const q of questions) {
    switch (q.type) {
      case 'rating_grid':
        for (const row of q.rows) out[row.code] = firstValue(body[row.code]);
        break;
      case 'multiple_choice':
        out[q.code] = list(body[q.code]);
        break;
      case 'ranking': {
        const ranked: string[] = [];
        for (let i = 1; i <= q.rankTop; i++) {
          const choice = firstValue(body[rankField(q.code, i)]).trim();
          if (choice) ranked.push(choice);
        }
        out[q.code] = ranked;
        break;
      }
      case 'date':
        out[q.code] = dateFromForm(body, q.code);
        break;
      default:
        out[q.code] = firstValue(body[q.code]);
    }
  }
  return out;
}
