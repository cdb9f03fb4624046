import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import session from '@fastify/session';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DatabaseSessionStore } from '../../accounts/index.js';
import { isApiRequest } from '../../platform/apiRequest.js';
import { pooledRandomBytes } from '../../platform/randomPool.js';
import type { Services } from '../services.js';

const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

/** Forms, database sessions and CSRF protection on every form post: for the pages and the staff API only. */
export const sessionPlugin = fp(async (app: FastifyInstance, { services }: { services: Services }) => {
  await app.register(formbody, { bodyLimit: services.config.bodyLimitBytes });
  await app.register(cookie, { secret: services.config.sessionSecret });
  await app.register(session, {
    secret: services.config.sessionSecret,
    cookieName: 'saferplan.sid',
    store: new DatabaseSessionStore(services.db),
    saveUninitialized: false,
    // Every cookie-less request gets a session object; ids from the pooled generator cost no system call each.
    idGenerator: () => pooledRandomBytes(24).toString('base64url'),
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_MAX_AGE_MS },
  });
  // The CSRF secret lives in a signed cookie, not the session, so anonymous survey pages write nothing to the
  // database and can be served from pre-rendered HTML; sessions exist only for signed-in staff and answers in progress.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'saferplan.csrf',
    // File uploads (multipart) carry the token in the form's action URL, as their body is streamed, not parsed.
    getToken: (req) =>
      (req.body as { _csrf?: string } | undefined)?._csrf ??
      (req.headers['content-type']?.startsWith('multipart/form-data') ? (req.query as { _csrf?: string })._csrf : undefined) ??
      (req.headers['x-csrf-token'] as string | undefined),
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: 'auto' },
  });

  // The JSON API is not protected by the form token: browsers cannot send cross-site JSON without CORS consent.
  app.addHook('preHandler', (request, reply, done) => {
    const unsafe = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (!unsafe || isApiRequest(request)) return done();
    app.csrfProtection(request, reply, done);
  });
});
