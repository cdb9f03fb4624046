import { z } from 'zod';
import { formBody, formField, formList } from '../platform/validation.js';

const id = z.string().max(100);
const consultation = z.object({ id });
export const codingPageRequest = z.object({ params: consultation, query: z.object({ done: z.string().max(200).optional() }) });
export const themeRequest = z.object({ params: z.object({ id, themeId: id }) });
export const themeFormRequest = z.object({
  params: consultation,
  body: z.object({ _csrf: formField, name: formField, code: formField, description: formField, parentId: formField }),
});
export const themeEditRequest = z.object({ params: z.object({ id, themeId: id }), body: themeFormRequest.shape.body });
export const themeActionRequest = z.object({ params: z.object({ id, themeId: id }), body: z.object({ _csrf: formField, into: formField }) });
export const splitRequest = z.object({ params: z.object({ id, themeId: id }), body: formBody });

export const FILTERS = ['all', 'uncoded', 'coded', 'flagged'] as const;
export type AnswerFilter = (typeof FILTERS)[number];
/** Which answers a list shows: a question, coded or not, a theme, a flag; a page of them. */
export const answerFilters = z.object({
  question: z.string().max(100).optional(),
  filter: z.enum(FILTERS).optional().catch(undefined),
  theme: z.string().max(100).optional(),
  flag: z.enum(['empty', 'enormous', 'invalid_text', 'not_english']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AnswerFilters = z.output<typeof answerFilters>;
export const answersRequest = z.object({ params: consultation, query: answerFilters });
export const bulkRequest = z.object({
  params: consultation,
  body: z.object({
    _csrf: formField,
    units: formList,
    theme: formField,
    question: formField,
    filter: formField,
    flag: formField,
    page: formField,
    themeFilter: formField,
  }),
});

const answerParams = z.object({ id, reference: z.string().max(100), question: z.string().max(100) });
export const answerRequest = z.object({ params: answerParams, query: answerFilters.extend({ saved: z.string().max(10).optional() }) });
export const codeRequest = z.object({
  params: answerParams,
  body: z.object({
    _csrf: formField,
    themes: formList,
    note: formField,
    quotable: formField,
    next: formField,
    question: formField,
    filter: formField,
    theme: formField,
    flag: formField,
  }),
});
export const sampleRequest = z.object({ params: consultation, body: z.object({ _csrf: formField, size: formField, question: formField }) });
export const resultsRequest = z.object({
  params: consultation,
  query: z.object({
    question: z.string().max(100).optional(),
    by: z.string().max(100).optional(),
    weighted: z.enum(['on']).optional().catch(undefined),
  }),
});
