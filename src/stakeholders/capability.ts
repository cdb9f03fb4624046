import type { Capability } from '../app/capability.js';
import { registerStakeholderCommands } from './cli.js';

export const stakeholdersCapability: Capability = {
  name: 'stakeholders',
  webRoutes: async () => [(await import('./routes.js')).stakeholderRoutes],
  commands: registerStakeholderCommands,
  demo: async () => (await import('./demo/loadDemoStakeholders.js')).loadDemoStakeholders,
};
