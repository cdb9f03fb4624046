import type { Capability } from '../app/capability.js';

/**
 * Automatic theme suggestions, candidate themes, sentiment (pure models in this folder) and the partnership's
 * optional LLM (docs/suggestions.md). Its pages over a consultation's answers come with the coding capability.
 */
export const suggestionsCapability: Capability = {
  name: 'suggestions',
  webRoutes: async () => [(await import('./routes.js')).suggestionRoutes],
};
