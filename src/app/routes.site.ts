import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../db/ping.js';
import { listPartnerships } from '../partnerships/index.js';
import { PrerenderedPages } from '../platform/prerendered.js';
import { openApiDocument } from './openapi.js';
import type { Services } from './services.js';
import { homePage } from './sitePages.js';

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
}

/** Stateless: no session or cookies. */
export async function siteApiRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get('/health', async () => {
    await pingDatabase(services.handle);
    return { status: 'ok', database: services.dialect };
  });

  app.get('/api/v1/openapi.json', async () => openApiDocument());
}
