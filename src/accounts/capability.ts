import type { Capability } from '../app/capability.js';
import { registerUserCommands } from './cli.js';

export const accountsCapability: Capability = {
  name: 'accounts',
  webRoutes: async () => [(await import('./routes.js')).accountRoutes],
  commands: registerUserCommands,
};
