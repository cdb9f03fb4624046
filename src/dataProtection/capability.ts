import type { Capability } from '../app/capability.js';
import { registerDataProtectionCommands } from './cli.js';

export const dataProtectionCapability: Capability = {
  name: 'dataProtection',
  webRoutes: async () => {
    const [pub, staff] = await Promise.all([import('./routes.public.js'), import('./routes.staff.js')]);
    return [pub.dataProtectionPublicRoutes, staff.dataProtectionStaffRoutes];
  },
  commands: registerDataProtectionCommands,
  jobs: async () => (await import('./retentionJob.js')).retentionJobKinds,
};
