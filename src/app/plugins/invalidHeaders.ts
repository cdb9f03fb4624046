import type { FastifyReply, FastifyRequest } from 'fastify';

/** What Node's http module refuses in a header value (its checkInvalidHeaderChar): control characters other than tab. */
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * An onSend hook, added after the session plugin's: a header value Node would refuse (a redirect to a URL with
 * a line break) is removed and the request fails into the error handler (logged, and a 500 page). Without it, writeHead
 * throws inside the session store's callback, where no one catches it, and the client gets no answer.
 */
export function refuseInvalidHeaders(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: Error | null, payload?: unknown) => void,
) {
  const headers = reply.getHeaders();
  for (const name in headers) {
    const value = headers[name];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && INVALID_HEADER_VALUE.test(v))) {
      reply.removeHeader(name);
      return done(new Error(`The ${name} header had a character Node cannot send`));
    }
  }
  done(null, payload);
}
