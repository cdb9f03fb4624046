import type { Capability } from '../app/capability.js';
import { registerResponseCommands } from './cli.js';

export const responsesCapability: Capability = {
  name: 'responses',
  webRoutes: async () => {
    const [pages, api] = await Promise.all([import('./manage/routes.js'), import('./manage/routes.api.js')]);
    return [pages.manageResponsesRoutes, api.manageResponsesApiRoutes];
  },
  openApi: async () => (await import('./openapi.js')).responsesApi,
  commands: registerResponseCommands,
};
