/**
 * Which answers of a survey are personal details that retention removes and open data never publishes: equality
 * monitoring (the "About you" page of the templates, or a question with one of its codes anywhere) and postcodes.
 * Free text is never published either, but retention keeps its redacted form (results and coding need it) and deletes
 * only the text as typed. Pure.
 */
import type { Answers, SurveyDefinition } from '../surveys/index.js';

/** The page the templates ask equality monitoring questions on (surveys/templates/equality.ts). */
export const EQUALITY_PAGE_CODE = 'about_you';
/** The Census 2021 equality questions' codes, wherever a survey asks them. */
export const EQUALITY_CODES: ReadonlySet<string> = new Set([
  'age_band',
  'sex',
  'gender_identity',
  'ethnicity',
  'disability',
  'religion',
  'sexual_orientation',
]);

export interface PersonalCodes {
  equality: string[];
  postcode: string[];
}

/** The answer codes holding equality answers and postcodes, over every version of a survey (grid rows expanded). */
export function personalCodes(definitions: readonly SurveyDefinition[]): PersonalCodes {
  const equality = new Set<string>();
  const postcode = new Set<string>();
  for (const definition of definitions)
    for (const page of definition.pages)
      for (const question of page.questions) {
        const codes = question.type === 'rating_grid' ? question.rows.map((r) => r.code) : [question.code];
        if (question.type === 'postcode') for (const c of codes) postcode.add(c);
        else if (page.code === EQUALITY_PAGE_CODE || EQUALITY_CODES.has(question.code)) for (const c of codes) equality.add(c);
      }
  return { equality: [...equality].sort(), postcode: [...postcode].sort() };
}

/** The answers with every personal code emptied (null: not answered), and how many answers that removed of each kind. */
export function withoutPersonalAnswers(answers: Answers, codes: PersonalCodes): { answers: Answers; equality: number; postcodes: number } {
  const out: Answers = { ...answers };
  let equality = 0;
  let postcodes = 0;
  for (const code of codes.equality)
    if (out[code] !== undefined && out[code] !== null) {
      out[code] = null;
      equality++;
    }
  for (const code of codes.postcode)
    if (out[code] !== undefined && out[code] !== null) {
      out[code] = null;
      postcodes++;
    }
  return { answers: out, equality, postcodes };
}
