import type { Capability } from '../app/capability.js';
import { registerRedactionCommands } from './cli.js';

export const redactionCapability: Capability = {
  name: 'redaction',
  webRoutes: async () => [(await import('./routes.js')).redactionRoutes],
  commands: registerRedactionCommands,
};
