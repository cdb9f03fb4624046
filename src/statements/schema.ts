import { z } from 'zod';
import { firstValue, formBody } from '../platform/validation.js';
import { dateFromBoxes } from './fields.js';

const slug = z.string().max(200);
export const partnershipPageRequest = z.object({ params: z.object({ slug }) });
export const consultationPrivacyRequest = z.object({ params: z.object({ slug, cslug: slug }) });
export const editPageRequest = z.object({ params: z.object({ id: z.string() }), query: z.object({ saved: z.enum(['1']).optional() }) });
export const editRequest = z.object({ params: z.object({ id: z.string() }), body: formBody });

const DATE_FIELDS = ['preparedOn', 'reviewedOn', 'testedOn'];

/**
 * A statement form's fields as entered: each field's first value, a date input's three boxes as one YYYY-MM-DD (the
 * statement's schema then checks everything, naming the field).
 */
export function enteredFields(body: z.output<typeof formBody>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (!name.startsWith('_') && !/-(day|month|year)$/.test(name)) fields[name] = firstValue(value);
  for (const name of DATE_FIELDS) {
    if (body[`${name}-day`] === undefined) continue;
    fields[name] = dateFromBoxes(firstValue(body[`${name}-day`]), firstValue(body[`${name}-month`]), firstValue(body[`${name}-year`]));
  }
  return fields;
}
