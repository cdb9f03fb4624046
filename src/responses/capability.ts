import type { Capability } from '../app/capability.js';
import { registerResponseCommands } from './cli.js';

export const responsesCapability: Capability = {
  name: 'responses',
  webRoutes: async () => [(await import('./manage/routes.js')).manageResponsesRoutes],
  commands: registerResponseCommands,
};
