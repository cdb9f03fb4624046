import type { Capability } from '../app/capability.js';
import { registerConsultationCommands } from './cli.js';

export const consultationsCapability: Capability = {
  name: 'consultations',
  statelessRoutes: async () => [(await import('./routes.api.public.js')).consultationPublicApiRoutes],
  webRoutes: async () => {
    const [api, pub, form, lifecycle, keyIn, invitations, importExport, details, preview, paper] = await Promise.all([
      import('./routes.api.js'),
      import('./public/routes.js'),
      import('./public/routes.form.js'),
      import('./staff/routes.lifecycle.js'),
      import('./staff/routes.keyIn.js'),
      import('./staff/routes.invitations.js'),
      import('./staff/routes.importExport.js'),
      import('./staff/routes.details.js'),
      import('./staff/routes.preview.js'),
      import('./paper/routes.paper.js'),
    ]);
    return [
      api.consultationApiRoutes,
      pub.consultationPublicRoutes,
      form.consultationFormRoutes,
      lifecycle.consultationLifecycleRoutes,
      keyIn.keyInRoutes,
      invitations.invitationRoutes,
      importExport.importExportRoutes,
      details.consultationDetailsRoutes,
      preview.previewRoutes,
      paper.paperRoutes,
    ];
  },
  openApi: async () => (await import('./openapi.js')).consultationApi,
  commands: registerConsultationCommands,
  demo: async () => {
    const { loadDemoConsultations } = await import('./demo/loadDemoConsultations.js');
    return async ({ handle, actor, loaded }) => {
      if (!loaded.partnershipId) return {};
      return { consultations: await loadDemoConsultations(handle, actor, loaded.partnershipId) };
    };
  },
};
