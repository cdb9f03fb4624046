import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadPrincipal } from '../../accounts/index.js';
import type { Services } from '../services.js';

/** Loads the signed-in user from the session on each request, so a disabled user loses access at once. */
export const currentUserPlugin = fp(async (app: FastifyInstance, { services }: { services: Services }) => {
  app.decorateRequest('user', undefined);
  app.addHook('preHandler', async (request) => {
    const userId = request.session?.userId;
    if (userId) request.user = await loadPrincipal(services.db, userId);
  });
});
