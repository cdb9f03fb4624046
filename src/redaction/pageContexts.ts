// The redaction settings page and its view model (see platform/pageContexts.ts).
import type { redactionSettingsPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'redaction/views/settings.njk': ReturnType<typeof redactionSettingsPage>;
  }
}
