/** zod for the builder's forms: raw form fields in, typed edit inputs out; messages feed the GOV.UK error summary. */
import { z } from 'zod';
import type { FieldError } from '../../platform/errors.js';
import { type FormBody, formBody, toFieldErrors } from '../../platform/validation.js';
import { QUESTION_TYPES, type Question, type ShowIf } from '../definition.js';
import type { QuestionInput } from './buildQuestion.js';
import type { PageInput } from './pageEdits.js';
import type { QuestionEdit } from './questionEdits.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** The first value of a field; a blank one counts as missing. */
const blank = (v: unknown) => {
  const value = first(v);
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
};
const text = z.preprocess((v) => first(v) ?? '', z.string());
const optionalText = z.preprocess(blank, z.string().optional());
const wholeNumber = (message: string) =>
  z.preprocess(blank, z.coerce.number({ error: message }).int({ error: message }).positive({ error: message }).optional());
const anyNumber = (message: string) => z.preprocess(blank, z.coerce.number({ error: message }).finite({ error: message }).optional());
const yesNo = (message: string) => z.preprocess(blank, z.enum(['yes', 'no'], { error: message }));

const limits = {
  maxChoices: wholeNumber('Enter the most choices as a whole number, like 3, or leave it blank'),
  rankTop: wholeNumber('Enter how many to rank as a whole number, like 3'),
  maxLength: wholeNumber('Enter the most characters as a whole number, like 500'),
  min: anyNumber('Enter the lowest number allowed as a number, or leave it blank'),
  max: anyNumber('Enter the highest number allowed as a number, or leave it blank'),
  integer: optionalText,
  showIfQuestion: optionalText,
  showIfValues: optionalText,
};

const questionSchema = z.object({
  type: z.preprocess(blank, z.enum(QUESTION_TYPES, { error: 'Select the type of question' })),
  code: optionalText,
  label: text,
  hint: optionalText,
  required: yesNo('Select whether people must answer this question'),
  options: optionalText,
  rows: optionalText,
  ...limits,
});

const editSchema = z.object({ label: text, hint: optionalText, required: yesNo('Select whether people must answer this question'), ...limits });

function parse<S extends z.ZodType>(schema: S, body: FormBody): Parsed<z.output<S>> {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: toFieldErrors(result.error) };
}

/** showIfQuestion + showIfValues ("a, b" or one a line) -> a condition; no question: always shown (null). */
function showIfOf(values: { showIfQuestion?: string | undefined; showIfValues?: string | undefined }): ShowIf | null | FieldError {
  if (!values.showIfQuestion) return null;
  const anyOf = (values.showIfValues ?? '').split(/[\s,]+/).filter(Boolean);
  if (!anyOf.length) return { field: 'showIfValues', message: 'Enter the answers (option values) that show this question' };
  return { question: values.showIfQuestion, anyOf };
}

const isError = (v: unknown): v is FieldError => typeof v === 'object' && v !== null && 'field' in v;
const drop = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The "add a question" form (also the first question on "add a page"). */
export function parseQuestionForm(body: FormBody): Parsed<QuestionInput> {
  const parsed = parse(questionSchema, body);
  if (!parsed.ok) return parsed;
  const { showIfQuestion, showIfValues, integer, required, ...rest } = parsed.value;
  const showIf = showIfOf({ showIfQuestion, showIfValues });
  if (isError(showIf)) return { ok: false, errors: [showIf] };
  return { ok: true, value: drop({ ...rest, required: required === 'yes', integer: integer === 'yes' || undefined, showIf: showIf ?? undefined }) };
}

/** The "edit a question" form: wording, option-N and row-N labels, limits, showIf. */
export function parseEditForm(body: FormBody, question: Question): Parsed<QuestionEdit> {
  const parsed = parse(editSchema, body);
  if (!parsed.ok) return parsed;
  const { showIfQuestion, showIfValues, integer, required, ...rest } = parsed.value;
  const showIf = showIfOf({ showIfQuestion, showIfValues });
  if (isError(showIf)) return { ok: false, errors: [showIf] };
  const labels = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => String(blank(body[`${prefix}-${i}`]) ?? ''));
  const edit: QuestionEdit = drop({
    ...rest,
    required: required === 'yes',
    integer: integer === 'yes' || undefined,
    showIf,
    optionLabels: 'options' in question ? labels('option', question.options.length) : undefined,
    rowLabels: question.type === 'rating_grid' ? labels('row', question.rows.length) : undefined,
  });
  return { ok: true, value: edit };
}

const pageSchema = z.object({ pageCode: optionalText, pageTitle: text, pageIntro: optionalText });

export function parsePageForm(body: FormBody): Parsed<PageInput> {
  const parsed = parse(pageSchema, body);
  if (!parsed.ok) return parsed;
  return { ok: true, value: drop({ code: parsed.value.pageCode, title: parsed.value.pageTitle, intro: parsed.value.pageIntro }) };
}

/** The version a form was opened on, sent back in a hidden field. */
export const versionOf = (body: FormBody): number | undefined => {
  const v = Number(blank(body.version));
  return Number.isInteger(v) && v > 0 ? v : undefined;
};

export const field = (body: FormBody, name: string): string => String(blank(body[name]) ?? '');

// Requests: every builder page is under /staff/consultations/:id/survey, some for one question (:code) or page (:pageCode).
const builderParams = z.object({ id: z.string(), code: z.string().optional(), pageCode: z.string().optional() });
/** ?saved=N: the version just saved, for the success banner. */
export const builderPageRequest = z.object({
  params: builderParams,
  query: z.object({
    saved: z
      .unknown()
      .optional()
      .transform((saved) => Number(saved) || undefined),
  }),
});
/** The builder's forms use each name once; the edit reads its fields with the parse*Form functions above. */
export const builderEditRequest = z.object({ params: builderParams, body: formBody });
