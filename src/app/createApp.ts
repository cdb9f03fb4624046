import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { accountRoutes } from '../accounts/routes.js';
import { consultationApiRoutes } from '../consultations/routes.api.js';
import { consultationPublicRoutes } from '../consultations/routes.public.js';
import { consultationStaffRoutes } from '../consultations/routes.staff.js';
import { partnershipRoutes } from '../partnerships/routes.js';
import { PUBLIC_BUILD, ROOT } from './assets.js';
import { currentUserPlugin } from './plugins/currentUser.js';
import { errorHandlerPlugin } from './plugins/errorHandler.js';
import { securityPlugin } from './plugins/security.js';
import { viewsPlugin } from './plugins/views.js';
import { siteRoutes } from './routes.site.js';
import type { Services } from './services.js';

export interface AppOptions {
  /** false in tests and benchmarks; pino JSON lines otherwise. */
  logger?: boolean;
}

export async function createApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: services.config.logLevel },
    bodyLimit: services.config.bodyLimitBytes,
    trustProxy: services.config.trustProxy,
  });
  await app.register(viewsPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin, { services });
  await app.register(currentUserPlugin, { services });

  const govukAssets = path.join(ROOT, 'node_modules/govuk-frontend/dist/govuk');
  await app.register(fastifyStatic, { root: path.join(govukAssets, 'assets'), prefix: '/assets/', maxAge: '1d' });
  app.get('/assets/govuk-frontend.min.js', (_req, reply) => reply.sendFile('govuk-frontend.min.js', govukAssets));
  await app.register(fastifyStatic, { root: PUBLIC_BUILD, prefix: '/public/', decorateReply: false, maxAge: '1h' });

  await app.register(siteRoutes, { services });
  await app.register(accountRoutes, { services });
  await app.register(partnershipRoutes, { services });
  await app.register(consultationApiRoutes, { services });
  await app.register(consultationPublicRoutes, { services });
  await app.register(consultationStaffRoutes, { services });
  return app;
}
