import type { Capability } from '../app/capability.js';
import { registerUserCommands } from './cli.js';

export const accountsCapability: Capability = {
  name: 'accounts',
  webRoutes: async () => [
    (await import('./routes.js')).signInRoutes,
    (await import('./routes.oidc.js')).oidcRoutes,
    (await import('./routes.users.js')).userRoutes,
    (await import('./routes.account.js')).accountRoutes,
    (await import('./routes.twoStep.js')).twoStepAccountRoutes,
    (await import('./routes.reset.js')).resetRoutes,
  ],
  commands: registerUserCommands,
};
