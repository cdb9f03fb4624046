/** What the request log says of each request: a request id to follow it by, and a URL with its secrets taken out. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

/** A proxy's id is kept when it is a plain token; anything else (a forged log line, say) is replaced. */
const PLAIN_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && PLAIN_ID.test(given) ? given : randomUUID();
}

/** Paths whose next segment is a secret (a password reset link, a personal invitation, a workshop voting link). */
const SECRET_AFTER = [/(\/reset-password\/)[^/?#]+/, /(\/invitation\/)[^/?#]+/, /^(\/w\/)[^/?#]+/];
/** Query parameters that carry secrets or tokens, or a person's name or email (subject access searches). */
const SECRET_PARAMS = /([?&](?:token|_csrf|code|email|q)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  let out = url;
  for (const pattern of SECRET_AFTER) out = out.replace(pattern, '$1[redacted]');
  return out.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Fastify's request serializer with the URL redacted. */
export const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});
