/**
 * Each survey question as the GOV.UK macros draw it (consultations/views/questions.njk): the public form's pages and
 * staff key-in. Plain data, decided here: the "or" before "Don't know", inline radios for short labels, the
 * "Select up to N" hint, rank positions named 1st, 2nd..., the date boxes.
 */
import { dateParts } from '../../platform/dateParts.js';
import type { Question, Ward } from '../../surveys/index.js';
import type { RawAnswers } from './formAnswers.js';

type Text = { text: string };
type ChoiceItem = { value: string; text: string; behaviour?: 'exclusive' } | { divider: 'or' };

export type QuestionField =
  | { kind: 'radios' | 'checkboxes'; params: Record<string, unknown> }
  | { kind: 'grid'; fieldset: Record<string, unknown>; hint?: { id: string; text: string }; rows: Record<string, unknown>[] }
  | { kind: 'ranking'; fieldset: Record<string, unknown>; hint?: { id: string; text: string }; selects: Record<string, unknown>[] }
  | { kind: 'input' | 'characterCount' | 'select' | 'dateInput'; params: Record<string, unknown> };

/** Labels this short or shorter fit side by side: a rating grid whose options all do shows them inline. */
const INLINE_LABEL_LENGTH = 12;
const POSTCODE_HINT = 'For example, CV1 2GN. We keep only the first part and the first number of the second part, never your full postcode.';

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The options as choices, with an "or" before the first non-substantive one that follows real options. */
export function choiceItems(question: Question): ChoiceItem[] {
  if (!('options' in question)) return [];
  const items: ChoiceItem[] = [];
  question.options.forEach((o, i) => {
    if (o.nonSubstantive && i > 0 && !items.some((item) => 'divider' in item)) items.push({ divider: 'or' });
    items.push({ value: o.value, text: o.label, behaviour: o.nonSubstantive && question.type === 'multiple_choice' ? 'exclusive' : undefined });
  });
  return items;
}

/** A multiple choice hint says how many may be chosen, unless the question's own hint already does. */
export function choicesHint(hint: string | undefined, maxChoices: number | undefined): string {
  const own = hint ?? '';
  if (!maxChoices || own.includes(`up to ${maxChoices}`)) return own;
  return `${own ? `${own} ` : ''}Select up to ${maxChoices}.`;
}

export function questionField(q: Question, values: RawAnswers, errors: Readonly<Record<string, string>>, wards: readonly Ward[]): QuestionField {
  const legend = { text: q.label, classes: 'govuk-fieldset__legend--m' };
  const label = { text: q.label, classes: 'govuk-label--m' };
  const hint: Text | undefined = q.hint ? { text: q.hint } : undefined;
  const errorText = errors[q.code];
  const error: Text | undefined = errorText ? { text: errorText } : undefined;
  const value = values[q.code];
  /** A box of its own: text, number, postcode. */
  const text = { id: q.code, name: q.code, label, hint, errorMessage: error, value };
  const grouped = (fieldset: Record<string, unknown>) => ({
    fieldset: { legend, describedBy: q.hint ? `${q.code}-hint` : undefined, ...fieldset },
    hint: q.hint ? { id: `${q.code}-hint`, text: q.hint } : undefined,
  });
  switch (q.type) {
    case 'single_choice':
      return { kind: 'radios', params: { name: q.code, fieldset: { legend }, hint, errorMessage: error, value, items: choiceItems(q) } };
    case 'multiple_choice': {
      const hintText = choicesHint(q.hint, q.maxChoices);
      return {
        kind: 'checkboxes',
        params: {
          name: q.code,
          fieldset: { legend },
          hint: hintText ? { text: hintText } : undefined,
          errorMessage: error,
          values: value || [],
          items: choiceItems(q),
        },
      };
    }
    case 'rating_grid': {
      const inline = q.options.every((o) => o.label.length <= INLINE_LABEL_LENGTH);
      const items = inline ? q.options.map((o) => ({ value: o.value, text: o.label })) : choiceItems(q);
      return {
        kind: 'grid',
        ...grouped({ classes: 'app-rating-grid' }),
        rows: q.rows.map((row) => ({
          name: row.code,
          classes: inline ? 'govuk-radios--small govuk-radios--inline' : 'govuk-radios--small',
          fieldset: { legend: { text: row.label, classes: 'govuk-fieldset__legend--s' } },
          errorMessage: errors[row.code] ? { text: errors[row.code] } : undefined,
          value: values[row.code],
          items,
        })),
      };
    }
    case 'ranking': {
      const ranked = Array.isArray(value) ? value : [];
      const choices = [{ value: '', text: 'Choose an option' }, ...q.options.map((o) => ({ value: o.value, text: o.label }))];
      return {
        kind: 'ranking',
        ...grouped({}),
        selects: Array.from({ length: q.rankTop }, (_, i) => ({
          id: `${q.code}__${i + 1}`,
          name: `${q.code}__${i + 1}`,
          label: { text: `${ordinal(i + 1)} choice` },
          errorMessage: i === 0 ? error : undefined,
          value: ranked[i] ?? '',
          items: choices,
        })),
      };
    }
    case 'short_text':
      return { kind: 'input', params: text };
    case 'long_text':
      return { kind: 'characterCount', params: { ...text, maxlength: q.maxLength } };
    case 'number':
      return { kind: 'input', params: { ...text, inputmode: 'numeric', spellcheck: false, classes: 'govuk-input--width-10' } };
    case 'postcode':
      return {
        kind: 'input',
        params: {
          ...text,
          hint: { text: q.hint || POSTCODE_HINT },
          autocomplete: 'postal-code',
          spellcheck: false,
          classes: 'govuk-input--width-10',
        },
      };
    case 'ward':
      return {
        kind: 'select',
        params: {
          id: q.code,
          name: q.code,
          label,
          hint,
          errorMessage: error,
          value: value || '',
          items: [{ value: '', text: 'Choose a ward' }, ...wards.map((w) => ({ value: w.code, text: w.name }))],
        },
      };
    case 'date': {
      const parts = dateParts(value);
      const boxError = error ? ' govuk-input--error' : '';
      return {
        kind: 'dateInput',
        params: {
          id: q.code,
          namePrefix: q.code,
          fieldset: { legend },
          hint: { text: q.hint || 'For example, 27 3 2024' },
          errorMessage: error,
          items: [
            { name: 'day', label: 'Day', classes: `govuk-input--width-2${boxError}`, value: parts.day },
            { name: 'month', label: 'Month', classes: `govuk-input--width-2${boxError}`, value: parts.month },
            { name: 'year', label: 'Year', classes: `govuk-input--width-4${boxError}`, value: parts.year },
          ],
        },
      };
    }
  }
}

/** Every question of a page, drawn with the answers given so far and the problems found. */
export const questionFields = (
  questions: readonly Question[],
  values: RawAnswers,
  errors: Readonly<Record<string, string>>,
  wards: readonly Ward[],
) => questions.map((q) => questionField(q, values, errors, wards));
