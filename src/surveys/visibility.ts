/** Conditional display: a question with showIf is shown only when an earlier answer matches one of its values. */
import { answerCodes } from './columns.js';
import type { Answers, AnswerValue, Question, ShowIf, SurveyDefinition } from './definition.js';

/** Whether the answer given to a showIf's question matches it (ignores whether that question is itself shown). */
export function matchesShowIf(question: Question, answers: Answers): boolean {
  const showIf = question.showIf;
  return !showIf || answerMatches(showIf, answers[showIf.question]);
}

/** Whether an answer to a showIf's question (undefined when there is none) is one of the values it shows on. */
export function answerMatches(showIf: ShowIf, answer: AnswerValue | undefined): boolean {
  if (answer === undefined || answer === null) return false;
  const given = Array.isArray(answer) ? answer : [String(answer)];
  return given.some((value) => showIf.anyOf.includes(value));
}

/**
 * The codes of the questions shown, given the answers, in one pass in survey order. A question whose
 * controlling question is hidden is hidden too, whatever stale answer the controlling question has.
 */
export function visibleCodes(definition: SurveyDefinition, answers: Answers): Set<string> {
  const hidden = new Set<string>();
  const shown = new Set<string>();
  for (const page of definition.pages) {
    for (const question of page.questions) {
      const controlledByHidden = question.showIf !== undefined && hidden.has(question.showIf.question);
      const visible = !controlledByHidden && matchesShowIf(question, answers);
      const codes = question.type === 'rating_grid' ? [question.code, ...answerCodes(question)] : answerCodes(question);
      for (const code of codes) (visible ? shown : hidden).add(code);
    }
  }
  return shown;
}
