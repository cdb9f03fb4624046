/** `saferplan crime stats`'s options, parsed (loaded when the command runs, so listing commands loads no zod). */
import { z } from 'zod';

const MONTH = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'give a month as YYYY-MM');

export const STATS_OPTIONS = z.object({
  groupBy: z.enum(['lsoa', 'ward', 'month', 'type']),
  from: MONTH.optional(),
  to: MONTH.optional(),
  type: z.array(z.string().min(1)).optional(),
  format: z.literal('json'),
  partnership: z.string().optional(),
});
