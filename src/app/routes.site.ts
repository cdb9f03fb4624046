import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../db/ping.js';
import { listPartnerships } from '../partnerships/index.js';
import { PrerenderedPages } from '../platform/prerendered.js';
import { openApiDocument } from './openapi.js';
import type { Services } from './services.js';
import { homePage, staticPage } from './sitePages.js';

export async function siteRoutes(app: FastifyInstance, { services }: { services: Services }) {
  // The home page is the same for every visitor who is not signed in: rendered at most once a second.
  const home = new PrerenderedPages(1, 1000);
  app.get('/', async (request, reply) => {
    if (request.user) return reply.view('home.njk', homePage(await listPartnerships(services.db)));
    const html = await home.render(
      'home',
      async (slots) =>
        app.views.render('home.njk', { ...homePage(await listPartnerships(services.db)), csrfToken: slots.csrf, cspNonce: slots.nonce }),
      { csrf: '', nonce: reply.cspNonce.script },
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/accessibility', async (_request, reply) =>
    reply.view(
      'static-page.njk',
      staticPage('Accessibility statement', [
        'This service is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every public page works without JavaScript and is tested automatically with axe-core.',
        'If you find something you cannot use, contact the partnership and we will provide the information in another format.',
      ]),
    ),
  );

  app.get('/privacy', async (_request, reply) =>
    reply.view(
      'static-page.njk',
      staticPage('Privacy', [
        'Staff sign-in uses one cookie (saferplan.sid) to keep you signed in and to protect forms. It is deleted when you sign out or after 8 hours.',
        'Each consultation has its own privacy notice explaining what is collected and why.',
      ]),
    ),
  );
}

/** Stateless: no session or cookies. */
export async function siteApiRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get('/health', async () => {
    await pingDatabase(services.handle);
    return { status: 'ok', database: services.dialect };
  });

  app.get('/api/v1/openapi.json', async () => openApiDocument());
}
