/** What the builder's pages show: plain data for the Nunjucks views, made from a definition. */
import type { FieldError } from '../../platform/errors.js';
import type { Question, QuestionType, SurveyDefinition, SurveyOption } from '../definition.js';

export const TYPE_LABELS: Record<QuestionType, string> = {
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  rating_grid: 'Rating grid',
  ranking: 'Ranking',
  short_text: 'Short text',
  long_text: 'Long text',
  number: 'Number',
  postcode: 'UK postcode',
  ward: 'Ward',
  date: 'Date',
};

const TYPE_HINTS: Record<QuestionType, string> = {
  single_choice: 'One answer from a list (radios)',
  multiple_choice: 'Any number of answers from a list (checkboxes), with an optional maximum',
  rating_grid: 'Several rows answered on one scale, like safety by day and after dark',
  ranking: 'Put the top few options in order',
  short_text: 'A line of text',
  long_text: 'A paragraph of text',
  number: 'A number, with optional lowest and highest values',
  postcode: 'A UK postcode, stored only to its sector (like CV1 2)',
  ward: "One of the partnership's wards",
  date: 'A date',
};

export const typeItems = (selected?: string) =>
  Object.entries(TYPE_LABELS).map(([value, text]) => ({
    value,
    text,
    hint: { text: TYPE_HINTS[value as QuestionType] },
    checked: value === selected,
  }));

const optionText = (o: SurveyOption) => `${o.value}: ${o.label}${o.nonSubstantive ? ' (not counted as a substantive answer)' : ''}`;

function limitsText(q: Question): string[] {
  switch (q.type) {
    case 'multiple_choice':
      return q.maxChoices ? [`At most ${q.maxChoices} choices`] : [];
    case 'ranking':
      return [`Rank the top ${q.rankTop}`];
    case 'short_text':
    case 'long_text':
      return [`At most ${q.maxLength} characters`];
    case 'number':
      return [
        q.min !== undefined ? `At least ${q.min}` : '',
        q.max !== undefined ? `At most ${q.max}` : '',
        q.integer ? 'Whole numbers only' : '',
      ].filter(Boolean);
    default:
      return [];
  }
}

/** The survey's pages and questions in order, ready for the overview page. */
export function surveyOutline(definition: SurveyDefinition) {
  const total = definition.pages.reduce((n, p) => n + p.questions.length, 0);
  let position = 0;
  return definition.pages.map((page, pageIndex) => ({
    number: pageIndex + 1,
    code: page.code,
    title: page.title,
    intro: page.intro,
    questions: page.questions.map((q) => {
      position += 1;
      return {
        code: q.code,
        type: TYPE_LABELS[q.type],
        label: q.label,
        hint: q.hint,
        required: q.required ? 'Yes' : 'No',
        options: 'options' in q ? q.options.map(optionText) : [],
        rows: q.type === 'rating_grid' ? q.rows.map((r) => `${r.code}: ${r.label}`) : [],
        limits: limitsText(q),
        showIf: q.showIf ? `Only if ${q.showIf.question} is ${q.showIf.anyOf.join(' or ')}` : '',
        first: position === 1,
        last: position === total,
      };
    }),
  }));
}

/** Earlier questions (or grid rows) a showIf can point at, for the select, with their option values. */
export function showIfChoices(definition: SurveyDefinition, beforeCode: string | undefined, selected: string | undefined) {
  const choices: { value: string; text: string; values: string }[] = [];
  for (const q of definition.pages.flatMap((p) => p.questions)) {
    if (q.code === beforeCode) break;
    const values = 'options' in q ? q.options.map((o) => o.value).join(', ') : '';
    if (q.type === 'single_choice' || q.type === 'multiple_choice') choices.push({ value: q.code, text: `${q.code}: ${q.label}`, values });
    if (q.type === 'rating_grid') for (const r of q.rows) choices.push({ value: r.code, text: `${r.code}: ${q.label} ${r.label}`, values });
  }
  return {
    items: [
      { value: '', text: 'Always show this question' },
      ...choices.map((c) => ({ value: c.value, text: c.text, selected: c.value === selected })),
    ],
    choices,
  };
}

/** The edit form's fields, filled from a question. */
export function editValues(q: Question): Record<string, string> {
  const values: Record<string, string> = { label: q.label, hint: q.hint ?? '', required: q.required ? 'yes' : 'no' };
  for (const [i, o] of ('options' in q ? q.options : []).entries()) values[`option-${i}`] = o.label;
  for (const [i, r] of (q.type === 'rating_grid' ? q.rows : []).entries()) values[`row-${i}`] = r.label;
  const limits = q as Partial<Record<'maxChoices' | 'rankTop' | 'maxLength' | 'min' | 'max', number>>;
  for (const key of ['maxChoices', 'rankTop', 'maxLength', 'min', 'max'] as const) values[key] = limits[key] === undefined ? '' : String(limits[key]);
  values.integer = q.type === 'number' && q.integer ? 'yes' : '';
  values.showIfQuestion = q.showIf?.question ?? '';
  values.showIfValues = q.showIf?.anyOf.join(', ') ?? '';
  return values;
}

/** Error summary items: fields the page shows are linked; others (a zod path, a code) are listed as "where: what". */
export function errorList(errors: FieldError[], fieldsOnPage: ReadonlySet<string>) {
  return errors.map((e) =>
    fieldsOnPage.has(e.field)
      ? { text: e.message, href: `#${e.field}` }
      : { text: e.field === 'form' || e.message.includes(`"${e.field}"`) ? e.message : `${e.field}: ${e.message}` },
  );
}

export { messagesByField as byField } from '../../platform/validation.js';
