// The data protection pages and their view models (see platform/pageContexts.ts).
import type { consultationDataPage, subjectAccessPage, withdrawFormPage, withdrawSentPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'dataProtection/views/consultation.njk': ReturnType<typeof consultationDataPage>;
    'dataProtection/views/subject-access.njk': ReturnType<typeof subjectAccessPage>;
    'dataProtection/views/withdraw.njk': ReturnType<typeof withdrawFormPage>;
    'dataProtection/views/withdraw-sent.njk': ReturnType<typeof withdrawSentPage>;
  }
}
