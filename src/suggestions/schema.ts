import { z } from 'zod';
import { formField, formList } from '../platform/validation.js';

export const llmPageRequest = z.object({ params: z.object({ id: z.string() }), query: z.object({ saved: z.enum(['1', 'removed']).optional() }) });
/** The LLM form; the values themselves are checked by saveLlmSettings so the form can be shown again with its messages. */
export const llmSaveRequest = z.object({
  params: z.object({ id: z.string() }),
  body: z.object({ baseUrl: formField, model: formField, apiKey: formField, removeKey: formField }),
});
export const llmRemoveRequest = z.object({ params: z.object({ id: z.string() }) });

const consultationParams = z.object({ id: z.string() });
export const suggestionsPageRequest = z.object({
  params: consultationParams,
  query: z.object({ question: z.string().max(200).optional(), done: z.enum(['accepted', 'none', 'theme', 'llm']).optional() }),
});
/** Accepting in bulk: each ticked box is "unitKey themeId"; boxes left unticked are rejected (nothing stored). */
export const acceptRequest = z.object({ params: consultationParams, body: z.object({ question: formField, accept: formList }) });
export const llmRunRequest = z.object({ params: consultationParams, body: z.object({ question: formField }) });
export const addThemeRequest = z.object({
  params: consultationParams,
  body: z.object({ question: formField, name: formField, description: formField }),
});
