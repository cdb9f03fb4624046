/** Pure edits to a question's options and a grid's rows: add one, remove one. */
import { type PlacedQuestion, placeOf } from '../columns.js';
import type { Question, SurveyDefinition } from '../definition.js';
import { usedCodes } from './buildQuestion.js';
import { parseOptionLines, parseRowLines } from './codes.js';
import { copyOf, type EditResult, failed, notFoundError, questionFocus, validated } from './editResult.js';

/** The copy's question at `place`, to change in place. */
function questionIn(next: SurveyDefinition, place: PlacedQuestion): Question | undefined {
  return next.pages[place.pageIndex]?.questions[place.questionIndex];
}

/** Adds an option from one line, "value|label" or "label"; the form field is `newOption`. */
export function addOption(definition: SurveyDefinition, code: string, line: string): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const question = questionIn(next, place);
  if (!question || !('options' in question))
    return failed('newOption', `"${code}" is a ${place.question.type.replace('_', ' ')} question: it has no options`);
  const parsed = parseOptionLines(line);
  if (!parsed.ok) return failed('newOption', parsed.message.replace(/^Line \d+: /, ''));
  const [option] = parsed.items;
  if (!option || parsed.items.length > 1) return failed('newOption', 'Enter one option, like "very_safe|Very safe" or "Very safe"');
  if (question.options.some((o) => o.value === option.value))
    return failed('newOption', `"${code}" already has an option with the value "${option.value}"`);
  question.options.push(option);
  return validated(next, { ...questionFocus(place), field: () => 'newOption' });
}

export function removeOption(definition: SurveyDefinition, code: string, value: string): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const question = questionIn(next, place);
  if (!question || !('options' in question)) return failed('form', `"${code}" has no options`);
  const index = question.options.findIndex((o) => o.value === value);
  if (index < 0) return failed('form', `"${code}" has no option with the value "${value}"`);
  if (question.options.length === 1) return failed('form', `"${value}" is the only option of "${code}", so it cannot be removed`);
  question.options.splice(index, 1);
  return validated(next, { ...questionFocus(place), field: () => 'form' });
}

/** Adds a row to a rating grid from one line, "code|label" or "label"; the form field is `newRow`. */
export function addRow(definition: SurveyDefinition, code: string, line: string): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const question = questionIn(next, place);
  if (question?.type !== 'rating_grid') return failed('newRow', `"${code}" is not a rating grid: it has no rows`);
  const parsed = parseRowLines(line, code);
  if (!parsed.ok) return failed('newRow', parsed.message.replace(/^Line \d+: /, ''));
  const [row] = parsed.items;
  if (!row || parsed.items.length > 1) return failed('newRow', 'Enter one row, like "safe_day|During the day" or "During the day"');
  if (usedCodes(definition).has(row.code)) return failed('newRow', `The code "${row.code}" is already used in this survey: choose another`);
  question.rows.push(row);
  return validated(next, { ...questionFocus(place), field: () => 'newRow' });
}

export function removeRow(definition: SurveyDefinition, code: string, rowCode: string): EditResult {
  const place = placeOf(definition, code);
  if (!place) return notFoundError(code);
  const next = copyOf(definition);
  const question = questionIn(next, place);
  if (question?.type !== 'rating_grid') return failed('form', `"${code}" is not a rating grid`);
  const index = question.rows.findIndex((r) => r.code === rowCode);
  if (index < 0) return failed('form', `"${code}" has no row with the code "${rowCode}"`);
  if (question.rows.length === 1) return failed('form', `"${rowCode}" is the only row of "${code}", so it cannot be removed`);
  question.rows.splice(index, 1);
  return validated(next, { ...questionFocus(place), field: () => 'form' });
}
