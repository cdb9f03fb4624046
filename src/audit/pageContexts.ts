// The audit log page and its view model (see platform/pageContexts.ts).
import type { auditPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'audit/views/audit.njk': ReturnType<typeof auditPage>;
  }
}
