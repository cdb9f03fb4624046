/** A partnership's small-number suppression minimum: the smallest base whose figures its staff see. */
import { z } from 'zod';

/** No one, not even an admin, sees figures for a base under this: one or two people could be recognised. */
export const SUPPRESSION_FLOOR = 3;
export const DEFAULT_SUPPRESSION_MINIMUM = 10;
const CEILING = 1000;

export const suppressionMinimumSchema = z.coerce
  .number({ error: 'Enter the minimum base as a whole number, like 10' })
  .int('Enter the minimum base as a whole number, like 10')
  .min(SUPPRESSION_FLOOR, `The minimum base must be ${SUPPRESSION_FLOOR} or more: smaller groups could identify people`)
  .max(CEILING, `The minimum base must be ${CEILING} or fewer`);
