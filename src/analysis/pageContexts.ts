// The analysis pages and their view models (see platform/pageContexts.ts).
import type { dashboardView } from './dashboardView.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'analysis/views/dashboard.njk': ReturnType<typeof dashboardView>;
  }
}
