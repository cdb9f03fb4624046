// The suggestions pages and their view models (see platform/pageContexts.ts).
import type { llmSettingsPage, suggestionsPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'suggestions/views/llm-settings.njk': ReturnType<typeof llmSettingsPage>;
    'suggestions/views/suggestions.njk': ReturnType<typeof suggestionsPage>;
  }
}
