import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/app/config.js';
import { errorHandlerPlugin } from '../src/app/plugins/errorHandler.js';
import { sessionPlugin } from '../src/app/plugins/security.js';
import { viewsPlugin } from '../src/app/plugins/views.js';
import { buildServices } from '../src/app/services.js';
import type { DbHandle } from '../src/db/database.js';

/** The session context as createApp builds it, with a test's own routes in it, listening on a random port. */
export async function startSessionContextApp(
  handle: DbHandle,
  routes: (web: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; url: string }> {
  const services = buildServices(handle, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  const app = Fastify();
  await app.register(viewsPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(async (web) => {
    await web.register(sessionPlugin, { services });
    routes(web);
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}
