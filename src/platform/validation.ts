import type { z } from 'zod';
import { type FieldError, validationFailed } from './errors.js';

/** Parses with a zod schema; on failure throws a validation error whose field messages feed the error summary. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationFailed(toFieldErrors(result.error));
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
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
