import type { Capability } from '../app/capability.js';

export const statementsCapability: Capability = {
  name: 'statements',
  webRoutes: async () => {
    const [pub, staff] = await Promise.all([import('./routes.js'), import('./routes.staff.js')]);
    return [pub.statementRoutes, staff.statementStaffRoutes];
  },
};
