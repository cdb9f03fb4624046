import type { Capability } from '../app/capability.js';

export const workshopsCapability: Capability = {
  name: 'workshops',
  webRoutes: async () => {
    const [staff, vote] = await Promise.all([import('./routes.js'), import('./routes.vote.js')]);
    return [staff.workshopRoutes, vote.voteRoutes];
  },
  demo: async () => (await import('./demo/loadDemoWorkshops.js')).loadDemoWorkshops,
};
