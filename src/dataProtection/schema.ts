import { z } from 'zod';
import { formBody, formField } from '../platform/validation.js';

const id = z.string().max(200);
const slug = z.string().max(200);

export const consultationRequest = z.object({
  params: z.object({ id }),
  query: z.object({ done: z.enum(['retention', 'confirm', 'decline']).optional() }),
});
export const consultationFileRequest = z.object({ params: z.object({ id }) });
export const retentionRequest = z.object({ params: z.object({ id }), body: z.object({ _csrf: formField, months: formField }) });
export const decisionRequest = z.object({
  params: z.object({ id, requestId: id }),
  body: z.object({ _csrf: formField, decision: z.enum(['confirm', 'decline'], { error: 'Choose to confirm or decline the request' }) }),
});
export const subjectSearchRequest = z.object({
  params: z.object({ id }),
  query: z.object({ q: z.string().max(200, 'Enter 200 characters or fewer').optional() }),
});
export const subjectExportRequest = z.object({
  params: z.object({ id }),
  query: z.object({ email: z.string().max(320, 'Enter an email address of 320 characters or fewer') }),
});
export const publicWithdrawPageRequest = z.object({ params: z.object({ slug }) });
export const publicWithdrawRequest = z.object({ params: z.object({ slug }), body: formBody });
export const publicFileRequest = z.object({ params: z.object({ slug, cslug: slug }) });

/** The public withdrawal form as entered (each field's first value; long input is refused by the operation). */
export const enteredWithdrawal = (body: z.output<typeof formBody>) => {
  const first = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
  return { reference: first(body.reference).slice(0, 1000), note: first(body.note).slice(0, 10_000) };
};
