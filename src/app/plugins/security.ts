import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import session from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DatabaseSessionStore } from '../../accounts/index.js';
import { pooledRandomBytes } from '../../platform/randomPool.js';
import { SESSION_COOKIE } from '../../platform/sessionCookie.js';
import { firstValue } from '../../platform/validation.js';
import type { Services } from '../services.js';
import { shortAnonymousSessions } from './anonymousSessions.js';
import { refuseInvalidHeaders } from './invalidHeaders.js';

const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

/** The request body's media type, without parameters: "application/json; charset=utf-8" is application/json. */
const mediaType = (request: FastifyRequest) => request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();

/** The _csrf field of a parsed form body or query string, if there is one. */
const tokenIn = (fields: unknown) =>
  typeof fields === 'object' && fields !== null && '_csrf' in fields ? firstValue(fields._csrf) || undefined : undefined;

/** Forms, database sessions and CSRF protection on every form post: for the pages and the staff API only. */
export const sessionPlugin = fp(async (app: FastifyInstance, { services }: { services: Services }) => {
  await app.register(formbody, { bodyLimit: services.config.bodyLimitBytes });
  await app.register(cookie, { secret: services.config.sessionSecret });
  await app.register(session, {
    secret: services.config.sessionSecret,
    cookieName: SESSION_COOKIE,
    store: shortAnonymousSessions(new DatabaseSessionStore(services.db)),
    saveUninitialized: false,
    // Every cookie-less request gets a session object; ids from the pooled generator cost no system call each.
    idGenerator: () => pooledRandomBytes(24).toString('base64url'),
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_MAX_AGE_MS },
  });
  app.addHook('onSend', refuseInvalidHeaders);
  // The CSRF secret lives in a signed cookie, not the session, so anonymous survey pages write nothing to the
  // database and can be served from pre-rendered HTML; sessions exist only for signed-in staff and answers in progress.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'saferplan.csrf',
    // File uploads (multipart) carry the token in the form's action URL, as their body is streamed, not parsed.
    getToken: (req) =>
      tokenIn(req.body) ?? (mediaType(req) === 'multipart/form-data' ? tokenIn(req.query) : undefined) ?? firstValue(req.headers['x-csrf-token']),
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: 'auto' },
  });

  // JSON bodies need no form token: a browser cannot send JSON to another site without its CORS consent (which is
  // never given). Anything a cross-site form can send (urlencoded, multipart, text/plain), to any URL, needs one.
  app.addHook('preHandler', (request, reply, done) => {
    const unsafe = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (!unsafe || mediaType(request) === 'application/json') return done();
    app.csrfProtection(request, reply, done);
  });
});
