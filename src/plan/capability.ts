import type { Capability } from '../app/capability.js';

/** The Community Safety Partnership Plan (docs/plan.md): themes, priorities with live evidence, actions, measures, HIIA, versions and delivery. */
export const planCapability: Capability = {
  name: 'plan',
  demo: async () => (await import('./demo/loadDemoPlan.js')).loadDemoPlan,
};
