import { z } from 'zod';

/** What an admin enters for the partnership's LLM; the key is optional (a local Ollama needs none). */
export const llmSettingsInput = z.object({
  baseUrl: z
    .string()
    .trim()
    .min(1, 'Enter the base URL of the LLM, like https://api.openai.com/v1 or http://localhost:11434/v1')
    .max(500, 'The base URL must be 500 characters or fewer')
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
      } catch {
        return false;
      }
    }, 'Enter the base URL as an http:// or https:// address without a user name or password in it'),
  model: z
    .string()
    .trim()
    .min(1, 'Enter the model name, like gpt-4o-mini or llama3.1')
    .max(200, 'The model name must be 200 characters or fewer')
    .regex(/^[\w.:/@-]+$/, 'The model name may use letters, digits and . : / @ - _ only'),
  /** Blank keeps the saved key. */
  apiKey: z.string().max(1000, 'The API key must be 1000 characters or fewer').default(''),
  removeKey: z.boolean().default(false),
});
export type LlmSettingsInput = z.input<typeof llmSettingsInput>;
