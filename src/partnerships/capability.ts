import type { Capability } from '../app/capability.js';
import { registerPartnershipCommands } from './cli.js';

export const partnershipsCapability: Capability = {
  name: 'partnerships',
  webRoutes: async () => [(await import('./routes.js')).partnershipRoutes],
  openApi: async () => (await import('./openapi.js')).partnershipApi,
  commands: registerPartnershipCommands,
  demo: async () => {
    const { loadDemoPartnership } = await import('./demo/loadDemoPartnership.js');
    return async ({ handle, actor }) => ({ ...(await loadDemoPartnership(handle.db, actor)) });
  },
};
