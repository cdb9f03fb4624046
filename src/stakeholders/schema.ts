import { z } from 'zod';
import { formBody } from '../platform/validation.js';

const id = z.string().max(100);
export const partnershipRequest = z.object({ params: z.object({ id }) });
export const registerPageRequest = z.object({
  params: z.object({ id }),
  query: z.object({
    done: z.enum(['added', 'saved', 'removed', 'imported']).optional(),
    added: z.coerce.number().int().min(0).optional(),
    updated: z.coerce.number().int().min(0).optional(),
  }),
});
export const formRequest = z.object({ params: z.object({ id }), body: formBody });
export const stakeholderRequest = z.object({ params: z.object({ id, sid: id }) });
export const stakeholderFormRequest = z.object({ params: z.object({ id, sid: id }), body: formBody });
export const smtpPageRequest = z.object({ params: z.object({ id }), query: z.object({ saved: z.enum(['1']).optional() }) });
