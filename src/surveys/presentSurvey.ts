/**
 * A consultation's survey as the API (GET /api/v1/consultations/{id}/survey) and `saferplan survey show` show it:
 * every question with its page, options (ward questions with the partnership's wards) and grid rows, the export
 * columns, and the whole definition.
 */
import { z } from 'zod';
import type { Ward } from './answerParsers.js';
import { columnsFor } from './columns.js';
import { QUESTION_TYPES, type Question, type SurveyDefinition, surveyDefinitionSchema } from './definition.js';

const choice = z.object({ value: z.string(), label: z.string(), nonSubstantive: z.literal(true).optional() });

export const surveyQuestionSchema = z.object({
  code: z.string(),
  type: z.enum(QUESTION_TYPES),
  label: z.string(),
  required: z.boolean(),
  page: z.string().meta({ description: 'the code of the page it is on' }),
  rows: z
    .array(z.object({ code: z.string(), label: z.string() }))
    .optional()
    .meta({ description: 'rating grids: each row is answered under its own code' }),
  options: z.array(choice).optional().meta({ description: 'choice questions; ward questions list the partnership’s wards' }),
  showIf: z.object({ question: z.string(), anyOf: z.array(z.string()) }).optional(),
});

export const surveySchema = z
  .object({
    consultationId: z.string(),
    version: z.number().int().meta({ description: 'the survey version answers are checked against' }),
    title: z.string(),
    questions: z.array(surveyQuestionSchema),
    columns: z.array(z.string()).meta({ description: 'the export and import columns, in order' }),
    definition: surveyDefinitionSchema,
  })
  .meta({ id: 'Survey' });
export type PresentedSurvey = z.output<typeof surveySchema>;

function presentQuestion(q: Question, page: string, wards: readonly Ward[]): z.output<typeof surveyQuestionSchema> {
  return {
    code: q.code,
    type: q.type,
    label: q.label,
    required: q.required,
    page,
    ...('rows' in q ? { rows: q.rows.map((r) => ({ code: r.code, label: r.label })) } : {}),
    ...('options' in q
      ? { options: q.options.map((o) => ({ value: o.value, label: o.label, ...(o.nonSubstantive ? { nonSubstantive: true as const } : {}) })) }
      : {}),
    ...(q.type === 'ward' ? { options: wards.map((w) => ({ value: w.code, label: w.name })) } : {}),
    ...(q.showIf ? { showIf: q.showIf } : {}),
  };
}

export function presentSurvey(survey: {
  consultationId: string;
  version: number;
  definition: SurveyDefinition;
  wards: readonly Ward[];
}): PresentedSurvey {
  const { definition } = survey;
  return {
    consultationId: survey.consultationId,
    version: survey.version,
    title: definition.title,
    questions: definition.pages.flatMap((page) => page.questions.map((q) => presentQuestion(q, page.code, survey.wards))),
    columns: columnsFor(definition).map((column) => column.code),
    definition,
  };
}
