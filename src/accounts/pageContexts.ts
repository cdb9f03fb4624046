// The accounts pages and their view models (see platform/pageContexts.ts).
import type { auditPage, signInPage, usersPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'accounts/views/sign-in.njk': ReturnType<typeof signInPage>;
    'accounts/views/users.njk': ReturnType<typeof usersPage>;
    'accounts/views/audit.njk': ReturnType<typeof auditPage>;
  }
}
