/** Pure edits to questions: add, edit wording and limits, remove, set showIf. Each returns a validated definition or field errors. */
import { placeOf } from '../columns.js';
import type { Question, ShowIf, SurveyDefinition } from '../definition.js';
import { buildQuestion, type QuestionInput, usedCodes } from './buildQuestion.js';
import { copyOf, type EditResult, failed, notFoundError, questionFocus, validated } from './editResult.js';

/** Adds a question at the end of a page (or at `position` in it). */
export function addQuestion(definition: SurveyDefinition, pageCode: string, input: QuestionInput, position?: number): EditResult {
  const next = copyOf(definition);
  const pageIndex = next.pages.findIndex((p) => p.code === pageCode);
  const page = next.pages[pageIndex];
  if (!page) return failed('form', `There is no page with the code "${pageCode}" in this survey`);
  const built = buildQuestion(input, usedCodes(definition));
  if (!built.ok) return built;
  const questionIndex = Math.max(0, Math.min(position ?? page.questions.length, page.questions.length));
  page.questions.splice(questionIndex, 0, built.question);
  return validated(next, questionFocus({ pageIndex, questionIndex }));
}

export interface QuestionEdit {
  label: string;
  /** Blank or missing: no hint. */
  hint?: string;
  required: boolean;
  /** New labels of the options, in their order (values never change here). */
  optionLabels?: string[];
  /** New labels of the grid rows, in their order (codes never change here). */
  rowLabels?: string[];
  /** Optional limits: missing means none. */
  maxChoices?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Required limits: missing means unchanged. */
  rankTop?: number;
  maxLength?: number;
  /** Missing: unchanged; null: always shown. */
  showIf?: ShowIf | null;
}

function relabel<T extends { label: string }>(items: T[], labels: string[] | undefined, what: string): T[] | string {
  if (labels === undefined) return items;
  if (labels.length !== items.length) return `The ${what} have changed since the form was opened: reload the page and try again`;
  return items.map((item, i) => ({ ...item, label: labels[i] ?? item.label }));
}

function withLimits(question: Question, edit: QuestionEdit): Question {
  const q = { ...question } as Record<string, unknown>;
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete q[key];
    else q[key] = value;
  };
  if (question.type === 'multiple_choice') set('maxChoices', edit.maxChoices);
  if (question.type === 'ranking' && edit.rankTop !== undefined) q.rankTop = edit.rankTop;
  if ((question.type === 'short_text' || question.type === 'long_text') && edit.maxLength !== undefined) q.maxLength = edit.maxLength;
  if (question.type === 'number') {
    set('min', edit.min);
    set('max', edit.max);
    set('integer', edit.integer || undefined);
  }
  return q as Question;
}

/** Rewords a question (label, hint, option and row labels), sets whether it is required, its limits and showIf. */
export function editQuestion(definition: SurveyDefinition, code: string, edit: QuestionEdit): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const base = {
    ...place.question,
    label: edit.label,
    required: edit.required,
  } as Question & Record<string, unknown>;
  const hint = edit.hint?.trim();
  if (hint) base.hint = hint;
  else delete base.hint;
  if (edit.showIf === null) delete base.showIf;
  else if (edit.showIf) base.showIf = edit.showIf;
  if ('options' in place.question) {
    const options = relabel(place.question.options, edit.optionLabels, 'options');
    if (typeof options === 'string') return failed('form', options);
    base.options = options;
  }
  if (place.question.type === 'rating_grid') {
    const rows = relabel(place.question.rows, edit.rowLabels, 'rows');
    if (typeof rows === 'string') return failed('form', rows);
    base.rows = rows;
  }
  const page = next.pages[place.pageIndex];
  if (!page) return notFoundError(code);
  page.questions[place.questionIndex] = withLimits(base, edit);
  return validated(next, questionFocus(place));
}

/** Shows a question only when an earlier question (or grid row) has one of some answers; null: always show it. */
export function setShowIf(definition: SurveyDefinition, code: string, showIf: ShowIf | null): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const question = next.pages[place.pageIndex]?.questions[place.questionIndex] as (Question & { showIf?: ShowIf }) | undefined;
  if (!question) return notFoundError(code);
  if (showIf) question.showIf = showIf;
  else delete question.showIf;
  return validated(next, questionFocus(place));
}

/** Removes a question; a page left without questions goes too (a survey keeps at least one question). */
export function removeQuestion(definition: SurveyDefinition, code: string): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const page = next.pages[place.pageIndex];
  if (!page) return notFoundError(code);
  page.questions.splice(place.questionIndex, 1);
  if (page.questions.length === 0) {
    if (next.pages.length === 1) return failed('form', `"${code}" is the only question in the survey, so it cannot be removed`);
    next.pages.splice(place.pageIndex, 1);
  }
  return validated(next);
}
