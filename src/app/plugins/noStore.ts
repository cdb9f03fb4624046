import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Staff pages, analysis, exports and the staff API: personal or unpublished data no browser or proxy may keep. */
const isStaffUrl = (url: string) => url.startsWith('/staff') || url.startsWith('/api/');

/** For the session context, where the staff routes live; public pages keep their own caching. */
export const noStorePlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', (request, reply, done) => {
    if (isStaffUrl(request.url)) reply.header('cache-control', 'no-store');
    done();
  });
});
