/** The id of the first form control of each answer, so error summary links land on the field. */
import { answerCodes, type Question } from '../../surveys/index.js';
import { rankField } from './formAnswers.js';

/** The id a link to an answer (a question, or one grid row by its code) should target. */
export function fieldId(question: Question, code: string): string {
  if (question.type === 'date') return `${question.code}-day`;
  if (question.type === 'ranking') return rankField(question.code, 1);
  return code;
}

export interface ErrorLink {
  field: string;
  text: string;
  href: string;
}

/** Errors for the given questions only (grid rows by their codes), in page order, with links to their fields. */
export function errorLinks(questions: readonly Question[], errors: readonly { field: string; message: string }[]): ErrorLink[] {
  const byField = new Map(errors.map((e) => [e.field, e.message]));
  const links: ErrorLink[] = [];
  for (const q of questions) {
    for (const code of answerCodes(q)) {
      const message = byField.get(code);
      if (message) links.push({ field: code, text: message, href: `#${fieldId(q, code)}` });
    }
  }
  return links;
}
