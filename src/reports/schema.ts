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

const param = z.string().max(100);
export const reportsRequest = z.object({ params: z.object({ id: param }) });
export const runRequest = z.object({ params: z.object({ id: param, runId: param }) });
export const narrativeRequest = z.object({
  params: z.object({ id: param, consultationId: param }),
  query: z.object({ saved: z.string().optional() }).optional(),
});

/** The "make a report" form: what the browser sent, each field checked. */
export const runForm = z.object({
  kind: z.enum(REPORT_KINDS, { message: 'Choose which report to make' }),
  format: z.enum(REPORT_FORMATS, { message: 'Choose a format' }),
  consultation: z.string().trim().max(100).default(''),
  plan: z.string().trim().max(100).default(''),
});
