import { z } from 'zod';
import { formBody } from '../platform/validation.js';

const id = z.string().max(100);
export const partnershipRequest = z.object({ params: z.object({ id }) });
export const partnershipFormRequest = z.object({ params: z.object({ id }), body: formBody });
export const workshopRequest = z.object({ params: z.object({ id, wid: id }), query: z.object({ done: z.string().max(40).optional() }) });
export const workshopFormRequest = z.object({ params: z.object({ id, wid: id }), body: formBody });
export const textRequest = z.object({ params: z.object({ id, wid: id, tid: id }) });
export const textFormRequest = z.object({ params: z.object({ id, wid: id, tid: id }), body: formBody });
export const voteRequest = z.object({ params: z.object({ token: z.string().max(200) }), query: z.object({ saved: z.enum(['1']).optional() }) });
export const voteFormRequest = z.object({ params: z.object({ token: z.string().max(200) }), body: formBody });
