import { z } from 'zod';
import { firstValue, formBody } from '../platform/validation.js';

export const redactionSettingsPageRequest = z.object({ params: z.object({ id: z.string() }), query: z.object({ saved: z.enum(['1']).optional() }) });
export const redactionSettingsRequest = z.object({ params: z.object({ id: z.string() }), body: formBody });

/** The form as entered: whether to keep originals ("yes" or "no"; anything else is refused by name) and the days as typed. */
export function enteredSettings(body: z.output<typeof formBody>) {
  return { keepOriginals: firstValue(body.keepOriginals).trim(), retentionDays: firstValue(body.retentionDays).trim() };
}
