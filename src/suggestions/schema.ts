import { z } from 'zod';
import { formField } from '../platform/validation.js';

export const llmPageRequest = z.object({ params: z.object({ id: z.string() }), query: z.object({ saved: z.enum(['1', 'removed']).optional() }) });
/** The LLM form; the values themselves are checked by saveLlmSettings so the form can be shown again with its messages. */
export const llmSaveRequest = z.object({
  params: z.object({ id: z.string() }),
  body: z.object({ baseUrl: formField, model: formField, apiKey: formField, removeKey: formField }),
});
export const llmRemoveRequest = z.object({ params: z.object({ id: z.string() }) });
