import type { Capability } from '../app/capability.js';
import { registerConsultationCommands } from './cli.js';

export const consultationsCapability: Capability = {
  name: 'consultations',
  statelessRoutes: async () => [(await import('./routes.api.public.js')).consultationPublicApiRoutes],
  webRoutes: async () => {
    const [api, pub, staff] = await Promise.all([import('./routes.api.js'), import('./routes.public.js'), import('./routes.staff.js')]);
    return [api.consultationApiRoutes, pub.consultationPublicRoutes, staff.consultationStaffRoutes];
  },
  openApiPaths: async () => (await import('./openapi.js')).consultationOpenApiPaths(),
  commands: registerConsultationCommands,
  demo: async () => {
    const { loadDemoConsultations } = await import('./demo/loadDemoConsultations.js');
    return async ({ handle, actor, loaded }) => {
      if (!loaded.partnershipId) return {};
      return { consultations: await loadDemoConsultations(handle, actor, loaded.partnershipId) };
    };
  },
};
