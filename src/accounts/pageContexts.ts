// The accounts pages and their view models (see platform/pageContexts.ts).
import type {
  oidcRefusedPage,
  ownPasswordPage,
  recoveryCodesPage,
  removeUserPage,
  resetLinkPage,
  resetPasswordPage,
  signInPage,
  twoStepAccountPage,
  twoStepCodePage,
  twoStepSetUpPage,
  userPage,
  usersPage,
} from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'accounts/views/sign-in.njk': ReturnType<typeof signInPage>;
    'accounts/views/sign-in-refused.njk': ReturnType<typeof oidcRefusedPage>;
    'accounts/views/users.njk': ReturnType<typeof usersPage>;
    'accounts/views/user.njk': ReturnType<typeof userPage>;
    'accounts/views/user-remove.njk': ReturnType<typeof removeUserPage>;
    'accounts/views/own-password.njk': ReturnType<typeof ownPasswordPage>;
    'accounts/views/reset-link.njk': ReturnType<typeof resetLinkPage>;
    'accounts/views/reset-password.njk': ReturnType<typeof resetPasswordPage>;
    'accounts/views/two-step-code.njk': ReturnType<typeof twoStepCodePage>;
    'accounts/views/two-step-set-up.njk': ReturnType<typeof twoStepSetUpPage>;
    'accounts/views/recovery-codes.njk': ReturnType<typeof recoveryCodesPage>;
    'accounts/views/two-step.njk': ReturnType<typeof twoStepAccountPage>;
  }
}
