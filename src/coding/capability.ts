import type { Capability } from '../app/capability.js';
import { registerCodesCommands } from './cli.js';

export const codingCapability: Capability = {
  name: 'coding',
  webRoutes: async () => [(await import('./routes.js')).codingRoutes],
  commands: registerCodesCommands,
  demo: async () => (await import('./demo/loadDemoCodings.js')).loadDemoCodings,
};
