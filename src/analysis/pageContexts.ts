// The analysis pages and their view models (see platform/pageContexts.ts).
import type { dashboardView } from './dashboardView.js';
import type { marginsPage } from './marginsPage.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'analysis/views/dashboard.njk': ReturnType<typeof dashboardView>;
    'analysis/views/margins.njk': ReturnType<typeof marginsPage>;
  }
}
