import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { closePdfBrowser } from '../platform/pdf.js';
import { PUBLIC_BUILD, ROOT } from './assets.js';
import { CAPABILITIES } from './capabilities.js';
import { attachJobRunner } from './jobRunner.js';
import { clientErrorHandler, frameworkErrorHandler, MAX_HEADER_BYTES } from './plugins/clientErrors.js';
import { currentUserPlugin } from './plugins/currentUser.js';
import { errorHandlerPlugin } from './plugins/errorHandler.js';
import { headersPlugin } from './plugins/headers.js';
import { jsonBodyPlugin } from './plugins/jsonBody.js';
import { metricsPlugin } from './plugins/metrics.js';
import { noStorePlugin } from './plugins/noStore.js';
import { sessionPlugin } from './plugins/security.js';
import { viewsPlugin } from './plugins/views.js';
import { requestIdOf, requestSerializer } from './requestLog.js';
import { readinessRoutes } from './routes.ready.js';
import { siteApiRoutes, siteRoutes } from './routes.site.js';
import type { Services } from './services.js';
import { fastifyTrustProxy } from './trustProxy.js';

export interface AppOptions {
  /** false in tests and benchmarks; pino JSON lines otherwise. */
  logger?: boolean;
}

/**
 * Two contexts: stateless routes (static files, health, the public JSON API) answer without sessions or
 * cookies; everything else (pages and the staff API) runs inside the session context with CSRF protection.
 */
export async function createApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const production = services.config.env === 'production';
  const app: FastifyInstance = Fastify({
    // LOG_LEVEL=silent turns the logger off entirely: a silent pino still costs each request its child logger.
    logger:
      options.logger === false || services.config.logLevel === 'silent'
        ? false
        : { level: services.config.logLevel, serializers: { req: requestSerializer } },
    genReqId: requestIdOf,
    requestIdHeader: false,
    bodyLimit: services.config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(services.config.trustProxy),
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    frameworkErrors: frameworkErrorHandler(() => app, production),
    clientErrorHandler: clientErrorHandler(production),
    // Registering every capability's routes loads their modules: on a busy 2-core machine that can pass Fastify's
    // 10-second default, which would fail a start that is only slow.
    pluginTimeout: 120_000,
  });
  // Responses acknowledged before a shutdown are already committed; close waits for any batch still in flight.
  app.addHook('onClose', async () => services.writer.close());
  app.addHook('onClose', closePdfBrowser);
  app.addHook('onClose', () => services.analysis.close());
  await attachJobRunner(app, services);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  await app.register(viewsPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(jsonBodyPlugin);
  await app.register(headersPlugin, { services });
  await app.register(metricsPlugin, { services });

  const govukAssets = path.join(ROOT, 'node_modules/govuk-frontend/dist/govuk');
  await app.register(fastifyStatic, { root: path.join(govukAssets, 'assets'), prefix: '/assets/', maxAge: '1d' });
  app.get('/assets/govuk-frontend.min.js', (_req, reply) => reply.sendFile('govuk-frontend.min.js', govukAssets));
  await app.register(fastifyStatic, { root: PUBLIC_BUILD, prefix: '/public/', decorateReply: false, maxAge: '1h' });
  await app.register(siteApiRoutes, { services });
  await app.register(readinessRoutes, { services });
  for (const capability of CAPABILITIES) for (const routes of (await capability.statelessRoutes?.()) ?? []) await app.register(routes, { services });

  await app.register(async (web) => {
    await web.register(noStorePlugin);
    await web.register(sessionPlugin, { services });
    await web.register(currentUserPlugin, { services });
    await web.register(siteRoutes, { services });
    for (const capability of CAPABILITIES) for (const routes of (await capability.webRoutes?.()) ?? []) await web.register(routes, { services });
  });
  return app;
}
