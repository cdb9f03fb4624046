// The accounts pages and their view models (see platform/pageContexts.ts).
import type { ownPasswordPage, removeUserPage, resetLinkPage, resetPasswordPage, signInPage, userPage, usersPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'accounts/views/sign-in.njk': ReturnType<typeof signInPage>;
    'accounts/views/users.njk': ReturnType<typeof usersPage>;
    'accounts/views/user.njk': ReturnType<typeof userPage>;
    'accounts/views/user-remove.njk': ReturnType<typeof removeUserPage>;
    'accounts/views/own-password.njk': ReturnType<typeof ownPasswordPage>;
    'accounts/views/reset-link.njk': ReturnType<typeof resetLinkPage>;
    'accounts/views/reset-password.njk': ReturnType<typeof resetPasswordPage>;
  }
}
