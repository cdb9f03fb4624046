// The stakeholder pages and their view models (see platform/pageContexts.ts).
import type { importPage, registerPage, smtpPage, stakeholderFormPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'stakeholders/views/register.njk': ReturnType<typeof registerPage>;
    'stakeholders/views/stakeholder.njk': ReturnType<typeof stakeholderFormPage>;
    'stakeholders/views/import.njk': ReturnType<typeof importPage>;
    'stakeholders/views/email-settings.njk': ReturnType<typeof smtpPage>;
  }
}
