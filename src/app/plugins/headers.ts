import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { pooledRandomBytes } from '../../platform/randomPool.js';
import { databaseRateLimitStore } from '../rateLimits/databaseStore.js';
import type { Services } from '../services.js';

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
 * helmet's default security headers, as fixed values set in one call. @fastify/helmet computed them per request
 * and halved a hello-world's throughput here (30,000 to 15,000 a second), for headers that never change;
 * src/app/site.http.test.ts checks every one of them.
 */
export function securityHeaders(production: boolean): Record<string, string> {
  return {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** JSON and static files run no scripts: they get the policy with no nonce to make. */
const scriptlessUrl = (url: string) => url.startsWith('/api/') || url.startsWith('/assets/') || url.startsWith('/public/');

/** The security headers of every response, and a content security policy without unsafe-inline whose script nonce is fresh per page. */
export function securityHeadersSetter(production: boolean) {
  const headers = securityHeaders(production);
  const scriptless = { ...headers, 'content-security-policy': `${POLICY};script-src 'self'` };
  return (request: Pick<FastifyRequest, 'url'>, reply: FastifyReply): void => {
    if (scriptlessUrl(request.url)) {
      reply.headers(scriptless);
      return;
    }
    const nonce = pooledRandomBytes(16).toString('base64');
    reply.cspNonce = { script: nonce, style: nonce };
    reply.headers(headers);
    reply.header('content-security-policy', `${POLICY};script-src 'self' 'nonce-${nonce}'`);
  };
}

/** Raw-socket answers (a 431 before any request exists) as header lines: the nonce-less policy, as they carry no script. */
export function scriptlessHeaderLines(production: boolean): string {
  const lines = Object.entries({ ...securityHeaders(production), 'content-security-policy': `${POLICY};script-src 'self'` });
  return lines.map(([name, value]) => `${name}: ${value}\r\n`).join('');
}

export const headersPlugin = fp(async (app: FastifyInstance, { services }: { services: Services }) => {
  const shared = services.config.rateLimitStore === 'database';
  await app.register(rateLimit, { global: false, ...(shared ? { store: databaseRateLimitStore(services.db) } : {}) });
  const setHeaders = securityHeadersSetter(services.config.env === 'production');
  app.decorateReply('cspNonce', null as unknown as { script: string; style: string });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request, reply);
    done();
  });
});
