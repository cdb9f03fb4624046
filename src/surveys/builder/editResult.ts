/** What every edit returns: the new, validated definition, or field errors (never a throw). */
import type { FieldError } from '../../platform/errors.js';
import { type SurveyDefinition, surveyDefinitionSchema } from '../definition.js';

export type EditResult = { ok: true; definition: SurveyDefinition } | { ok: false; errors: FieldError[] };

export type Path = (string | number)[];

export const failed = (field: string, message: string): EditResult => ({
  ok: false,
  errors: [{ field, message }],
});

/** A deep copy to edit: the caller's definition is never changed. */
export const copyOf = (definition: SurveyDefinition): SurveyDefinition => structuredClone(definition);

/**
 * The form field an issue inside a question belongs to: code, label, hint, required, options / option-N,
 * rows / row-N, showIfQuestion / showIfValues, or a limit (maxChoices, rankTop, maxLength, min, max).
 */
export function questionField(rest: Path): string {
  const [head, index] = rest;
  if (head === 'options' || head === 'rows') return typeof index === 'number' ? `${head === 'options' ? 'option' : 'row'}-${index}` : head;
  if (head === 'showIf') return index === 'anyOf' ? 'showIfValues' : 'showIfQuestion';
  return head === undefined ? 'form' : String(head);
}

const startsWith = (path: Path, prefix: Path) => prefix.every((p, i) => path[i] === p);

/**
 * Validates a whole edited definition with surveyDefinitionSchema. Issues inside `focus` (the question or page
 * the form edits) are named by their form field; others keep their zod path, e.g. "pages.1.questions.0.showIf.question".
 */
export function validated(definition: SurveyDefinition, focus?: { path: Path; field?: (rest: Path) => string }): EditResult {
  const result = surveyDefinitionSchema.safeParse(definition);
  if (result.success) return { ok: true, definition: result.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path as Path;
    const field = focus && startsWith(path, focus.path) ? (focus.field ?? questionField)(path.slice(focus.path.length)) : path.join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}

/** The focus of an edit to one question, for `validated`. */
export const questionFocus = (place: { pageIndex: number; questionIndex: number }) => ({
  path: ['pages', place.pageIndex, 'questions', place.questionIndex] as Path,
});

export const notFoundError = (code: string): EditResult => failed('form', `There is no question with the code "${code}" in this survey`);
