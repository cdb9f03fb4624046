/**
 * The zod schema of a survey definition: versioned data, not code.
 * Question, grid-row and option codes are stable: imports, exports, the API and the analysis use them.
 * Definition-level rules (unique codes, showIf pointing backwards, limits) live in definitionRules.ts.
 */
import { z } from 'zod';
import { CODE_PATTERN, OPTION_VALUE_PATTERN } from './codes.js';
import { checkDefinitionRules } from './definitionRules.js';

export { CODE_PATTERN, OPTION_VALUE_PATTERN, RESERVED_CODES } from './codes.js';

const code = z.string().regex(CODE_PATTERN, 'Codes must start with a lower-case letter and use only a-z, 0-9 and _ (like safe_day)');
const text = (what: string) => z.string().trim().min(1, `Enter ${what}`);

export const optionSchema = z.strictObject({
  value: z.string().regex(OPTION_VALUE_PATTERN, 'Option values must use only a-z, 0-9 and _ (like very_safe)'),
  label: text('the option label'),
  /** "Don't know", "Prefer not to say": left out of percentages of substantive answers. */
  nonSubstantive: z.literal(true).optional(),
});

export const showIfSchema = z.strictObject({
  /** An earlier single choice or multiple choice question, or a grid row. */
  question: code,
  anyOf: z.array(z.string()).min(1, 'showIf needs at least one value'),
});

export const gridRowSchema = z.strictObject({
  code,
  label: text('the row label'),
  /** Lower-case phrase completing "Select ...", e.g. "how safe you feel walking alone in this area after dark". */
  errorName: z.string().min(1).optional(),
});

const base = {
  code,
  label: text('the question text'),
  hint: z.string().optional(),
  /** Lower-case phrase for error messages: "Select <errorName>", "Enter <errorName>". */
  errorName: z.string().min(1).optional(),
  required: z.boolean(),
  showIf: showIfSchema.optional(),
};
const options = z.array(optionSchema).min(1, 'Add at least one option');
const positiveInt = z.number().int().positive();

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('single_choice'), options }),
  z.strictObject({
    ...base,
    type: z.literal('multiple_choice'),
    options,
    maxChoices: positiveInt.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('rating_grid'),
    rows: z.array(gridRowSchema).min(1, 'Add at least one row'),
    options,
  }),
  z.strictObject({
    ...base,
    type: z.literal('ranking'),
    options,
    rankTop: positiveInt,
  }),
  z.strictObject({
    ...base,
    type: z.literal('short_text'),
    maxLength: positiveInt,
  }),
  z.strictObject({
    ...base,
    type: z.literal('long_text'),
    maxLength: positiveInt,
  }),
  z.strictObject({
    ...base,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('postcode') }),
  /** Options come from the partnership's wards at run time: the definition holds none. */
  z.strictObject({ ...base, type: z.literal('ward') }),
  z.strictObject({ ...base, type: z.literal('date') }),
]);

export const pageSchema = z.strictObject({
  code,
  title: text('the page title'),
  intro: z.string().optional(),
  questions: z.array(questionSchema).min(1, 'Add at least one question to each page'),
});

export const surveyDefinitionSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    title: text('the survey title'),
    pages: z.array(pageSchema).min(1, 'Add at least one page'),
  })
  .superRefine((definition, ctx) => {
    for (const issue of checkDefinitionRules(definition)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type SurveyOption = z.infer<typeof optionSchema>;
export type ShowIf = z.infer<typeof showIfSchema>;
export type GridRow = z.infer<typeof gridRowSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type SurveyPage = z.infer<typeof pageSchema>;
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'rating_grid',
  'ranking',
  'short_text',
  'long_text',
  'number',
  'postcode',
  'ward',
  'date',
] as const satisfies readonly QuestionType[];

/** A clean, validated answer: string (choice, text, postcode sector, ward code, ISO date), string[] (multiple choice, ranking in rank order), number, or null (shown but not answered). */
export type AnswerValue = string | string[] | number | null;
export type Answers = Record<string, AnswerValue>;
