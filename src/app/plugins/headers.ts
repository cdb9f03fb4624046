import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { pooledRandomBytes } from '../randomPool.js';
import type { Services } from '../services.js';

declare module 'fastify' {
  interface FastifyReply {
    cspNonce: { script: string; style: string };
  }
}

const POLICY = [
  "default-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
].join(';');

/**
 * Security headers on every response (helmet), and a content security policy without unsafe-inline whose
 * script nonce is fresh per response. The policy string is built once: helmet's own nonce support re-parses
 * every directive on every request, which cost a measurable share of each request here.
 */
export const headersPlugin = fp(async (app: FastifyInstance, { services }: { services: Services }) => {
  // helmet decorates reply.cspNonce itself; with its CSP off, the hook below fills it.
  await app.register(helmet, { contentSecurityPolicy: false, hsts: services.config.env === 'production' });
  await app.register(rateLimit, { global: false });
  app.addHook('onRequest', (request, reply, done) => {
    // JSON and static files run no scripts: they get the policy with no nonce to make.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.url.startsWith('/public/')) {
      reply.header('content-security-policy', `${POLICY};script-src 'self'`);
      return done();
    }
    const nonce = pooledRandomBytes(16).toString('base64');
    reply.cspNonce = { script: nonce, style: nonce };
    reply.header('content-security-policy', `${POLICY};script-src 'self' 'nonce-${nonce}'`);
    done();
  });
});
