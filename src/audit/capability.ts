import type { Capability } from '../app/capability.js';
import { registerAuditCommands } from './cli.js';

export const auditCapability: Capability = {
  name: 'audit',
  webRoutes: async () => [(await import('./routes.js')).auditRoutes],
  commands: registerAuditCommands,
};
