import type { Capability } from '../app/capability.js';
import { registerReportCommands } from './cli.js';

/** Reports from live data (docs/reports.md): committee note, consultation findings, the plan, the HIIA and "you said, we did". */
export const reportsCapability: Capability = {
  name: 'reports',
  webRoutes: async () => {
    const [staff, published] = await Promise.all([import('./routes.js'), import('./routes.public.js')]);
    return [staff.reportRoutes, published.publicReportRoutes];
  },
  commands: registerReportCommands,
  jobs: async () => (await import('./runs/reportJob.js')).reportJobKinds,
};
