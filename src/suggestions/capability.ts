import type { Capability } from '../app/capability.js';
import { registerSuggestCommands } from './cli.js';

/**
 * Automatic theme suggestions, candidate themes, sentiment (pure models in this folder), their page beside the coding
 * pages, `saferplan codes suggest`, and the partnership's optional LLM (docs/suggestions.md).
 */
export const suggestionsCapability: Capability = {
  name: 'suggestions',
  webRoutes: async () => [(await import('./routes.js')).suggestionRoutes, (await import('./routes.suggestions.js')).suggestionPageRoutes],
  commands: registerSuggestCommands,
  atServerStart: async () => {
    const { markInterruptedLlmRuns } = await import('./llm/llmRuns.js');
    return (handle) => markInterruptedLlmRuns(handle.db);
  },
};
