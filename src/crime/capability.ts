import type { Capability } from '../app/capability.js';
import { registerCrimeCommands } from './cli.js';

/** Recorded crime (docs/crime.md): police.uk imports placed in the partnership's area; counts and rates. */
export const crimeCapability: Capability = {
  name: 'crime',
  webRoutes: async () => [
    (await import('./routes.api.js')).crimeApiRoutes,
    (await import('./routes.imports.js')).crimeImportRoutes,
    (await import('./routes.datasets.js')).crimeDatasetRoutes,
  ],
  openApi: async () => (await import('./openapi.js')).crimeApi,
  commands: registerCrimeCommands,
  demo: async () => (await import('./demo/loadDemoCrime.js')).loadDemoCrime,
};
