import type { Capability } from '../app/capability.js';

/** The Community Safety Partnership Plan (docs/plan.md): themes, priorities with live evidence, actions, measures, HIIA, versions and delivery. */
export const planCapability: Capability = {
  name: 'plan',
  webRoutes: async () => {
    const [plans, items, versions, delivery, library] = await Promise.all([
      import('./routes.js'),
      import('./routes.items.js'),
      import('./routes.versions.js'),
      import('./routes.delivery.js'),
      import('./routes.library.js'),
    ]);
    return [plans.planRoutes, items.planItemRoutes, versions.planVersionRoutes, delivery.planDeliveryRoutes, library.planLibraryRoutes];
  },
  demo: async () => (await import('./demo/loadDemoPlan.js')).loadDemoPlan,
};
