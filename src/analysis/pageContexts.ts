// The analysis pages and their view models (see platform/pageContexts.ts).
import type { dashboardView } from './dashboardView.js';
import type { marginsPage } from './marginsPage.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    /** freshness: said when the figures were read from a replica (freshnessText.ts). */
    'analysis/views/dashboard.njk': ReturnType<typeof dashboardView> & { freshness?: string };
    'analysis/views/margins.njk': ReturnType<typeof marginsPage>;
  }
}
