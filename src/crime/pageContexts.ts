// The recorded crime pages and their view models (see platform/pageContexts.ts).
import type { datasetsPage, importPage, importsPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'crime/views/imports.njk': ReturnType<typeof importsPage>;
    'crime/views/import.njk': ReturnType<typeof importPage>;
    'crime/views/datasets.njk': ReturnType<typeof datasetsPage>;
  }
}
