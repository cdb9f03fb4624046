/** What the report command, pages and API accept. */
import { z } from 'zod';
import { REPORT_FORMATS } from './render/renderReport.js';
import { REPORT_KINDS } from './reportContext.js';

const id = z.string().trim().min(1).max(200).optional();

export const reportOptions = z.object({
  kind: z.enum(REPORT_KINDS, { message: `Use one of ${REPORT_KINDS.join(', ')}` }),
  format: z.enum(REPORT_FORMATS, { message: `Use one of ${REPORT_FORMATS.join(', ')}` }),
  out: z.string().min(1, 'Say where to write the report'),
  consultation: id,
  plan: id,
  partnership: id,
});
