/** The requests of the responses pages (parseRequest): params, query and body of each route. */
import { z } from 'zod';
import { formBody, formField } from '../../platform/validation.js';

/** A reference as staff type it: spaces trimmed, any case (references are upper case). */
const reference = z
  .string()
  .trim()
  .max(40)
  .transform((r) => r.toUpperCase());
const responseParams = z.object({ id: z.string(), reference });

/** The list's GET form: every field optional and read as typed, so the page can show it back with its problems. */
export const responsesListRequest = z.object({
  params: z.object({ id: z.string() }),
  query: z.object({
    channel: formField,
    ward: formField,
    'from-day': formField,
    'from-month': formField,
    'from-year': formField,
    'to-day': formField,
    'to-month': formField,
    'to-year': formField,
    page: formField,
  }),
});
export type ResponsesListQuery = z.output<typeof responsesListRequest>['query'];

/** What the response page says has just been done to it. */
export const DONE = ['corrected', 'withdrawn', 'restored'] as const;
export type Done = (typeof DONE)[number];

export const responseRequest = z.object({
  params: responseParams,
  query: z.object({ done: z.enum(DONE).optional().catch(undefined) }),
});
export const responsePageRequest = z.object({ params: responseParams });
/** The correction form: the questions' fields (read as key-in reads them), `_version` and `_reason`. */
export const correctRequest = z.object({ params: responseParams, body: formBody });
export const withdrawRequest = z.object({ params: responseParams, body: z.object({ _reason: formField }) });
/** GET /api/v1/consultations/{id}/responses/{reference}. */
export const apiResponseRequest = z.object({ params: z.object({ id: z.string(), reference: reference.meta({ examples: ['K7M2-9QXA-3F'] }) }) });
export const restoreRequest = z.object({ params: responseParams, body: z.object({}).passthrough() });
