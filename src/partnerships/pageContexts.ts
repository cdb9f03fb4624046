// The partnership pages and their view models (see platform/pageContexts.ts).
import type { partnershipPage, settingsPage, staffHomePage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'partnerships/views/staff-home.njk': ReturnType<typeof staffHomePage>;
    'partnerships/views/partnership.njk': ReturnType<typeof partnershipPage>;
    'partnerships/views/settings.njk': ReturnType<typeof settingsPage>;
  }
}
