import { z } from 'zod';
import { ERROR_CODES } from './errors.js';

/**
 * How the JSON API answers an error: a stable code, a message for people, and each field's problem. Apart from
 * errors.ts, which the command line loads at start and which must not load zod.
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
});
