// The reports pages and their view models (see platform/pageContexts.ts).
import type { publicPlanPage } from './publicPlan.js';
import type { narrativePage, reportsPage, runPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'reports/views/reports.njk': ReturnType<typeof reportsPage>;
    'reports/views/run.njk': ReturnType<typeof runPage>;
    'reports/views/narrative.njk': ReturnType<typeof narrativePage>;
    'reports/views/public-plan.njk': NonNullable<Awaited<ReturnType<typeof publicPlanPage>>>;
    'reports/views/public-results.njk': {
      title: string;
      partnership: { name: string; slug: string };
      consultation: { slug: string };
      body: string;
      pdfHref: string;
      docxHref: string;
      backHref: string;
      planHref: string;
    };
  }
}
