import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isApiRequest } from './apiRequest.js';
import { badRequest, type FieldError, validationFailed } from './errors.js';

/** Parses with a zod schema; on failure throws a validation error whose field messages feed the error summary. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationFailed(toFieldErrors(result.error));
}

/**
 * Parses a request with its route's schema, a z.object of any of params, query, headers and body (as Fastify gives
 * them). Field names in errors are relative to their part ("suppressBelow", not "query.suppressBelow"). A page's body
 * that does not parse did not come from its form: 400. Anything else is input to correct: 422 with its fields.
 */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  request: Pick<FastifyRequest, 'url' | 'params' | 'query' | 'headers' | 'body'>,
): z.output<S> {
  const result = schema.safeParse({ params: request.params, query: request.query, headers: request.headers, body: request.body });
  if (result.success) return result.data;
  const fields = toFieldErrors(result.error, 1);
  if (!isApiRequest(request) && result.error.issues.some((issue) => issue.path[0] === 'body')) throw badRequest(fields);
  throw validationFailed(fields);
}

/** A urlencoded form as @fastify/formbody gives it: each field a string, or a list when its name repeats. */
export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type FormBody = z.output<typeof formBody>;

/** A form field's value as text: the first of a repeated field, '' when absent or not text. */
export function firstValue(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** One field of a form: its first value, '' when absent. A form with known fields is z.object({ name: formField, ... }). */
export const formField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform(firstValue);

/** A repeated form field (checkboxes): every value given, none when absent. */
export const formList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Text that must be one of the given values: any string is accepted as input, so callers pass what they were given. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.string({ error: message }).pipe(z.enum(values, { error: message }));

/** `skip` leading path segments are dropped from field names (1 for a request part such as query). */
export function toFieldErrors(error: z.ZodError, skip = 0): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.slice(skip).join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, message: issue.message });
  }
  return fields;
}

/** GOV.UK error summary items: each message linking to its field. */
export const errorSummaryItems = (fields: readonly FieldError[]) => fields.map((f) => ({ text: f.message, href: `#${f.field}` }));

/** Each field's message, for the error message under the field itself. */
export const messagesByField = (fields: readonly FieldError[]): Record<string, string> => Object.fromEntries(fields.map((f) => [f.field, f.message]));
