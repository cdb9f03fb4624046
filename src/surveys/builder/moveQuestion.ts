/** Moving a question one place up or down, across page boundaries. */
import { placeOf } from '../columns.js';
import type { SurveyDefinition } from '../definition.js';
import { copyOf, type EditResult, failed, notFoundError, validated } from './editResult.js';

export type Direction = 'up' | 'down';

/**
 * Swaps a question with its neighbour on the page; the first question of a page moves up to the end of the page
 * before, the last moves down to the start of the page after. A page left without questions goes.
 */
export function moveQuestion(definition: SurveyDefinition, code: string, direction: Direction): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const { pageIndex, questionIndex } = place;
  const page = next.pages[pageIndex];
  if (!page) return notFoundError(code);
  const target = questionIndex + (direction === 'up' ? -1 : 1);
  if (target >= 0 && target < page.questions.length) {
    const [question] = page.questions.splice(questionIndex, 1);
    if (question) page.questions.splice(target, 0, question);
    return validated(next);
  }
  const neighbourIndex = pageIndex + (direction === 'up' ? -1 : 1);
  const neighbour = next.pages[neighbourIndex];
  if (!neighbour) return failed('form', `"${code}" is already the ${direction === 'up' ? 'first' : 'last'} question in the survey`);
  const [question] = page.questions.splice(questionIndex, 1);
  if (!question) return notFoundError(code);
  if (direction === 'up') neighbour.questions.push(question);
  else neighbour.questions.unshift(question);
  if (page.questions.length === 0) next.pages.splice(pageIndex, 1);
  return validated(next);
}
