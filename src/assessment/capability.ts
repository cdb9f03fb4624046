import type { Capability } from '../app/capability.js';

/** The Strategic Assessment (docs/assessment.md): recorded crime by place and time beside what residents said, maps and the prioritisation matrix. */
export const assessmentCapability: Capability = {
  name: 'assessment',
  webRoutes: async () => [(await import('./routes.js')).assessmentRoutes],
};
