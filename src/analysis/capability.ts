import type { Capability } from '../app/capability.js';
import { registerAnalyseCommand } from './cli.js';

export const analysisCapability: Capability = {
  name: 'analysis',
  webRoutes: async () => [(await import('./routes.js')).analysisRoutes, (await import('./routes.margins.js')).marginsRoutes],
  openApi: async () => (await import('./openapi.js')).analysisApi,
  commands: registerAnalyseCommand,
};
