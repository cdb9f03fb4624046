import type { FastifyRequest } from 'fastify';

/** The cookie holding the session id (signed). */
export const SESSION_COOKIE = 'saferplan.sid';

/**
 * Whether the request came with a session the store already holds (its cookie names the session loaded): saving it
 * updates that row. Otherwise saving the session would add a row.
 */
export function hasStoredSession(request: FastifyRequest): boolean {
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie !== undefined && request.session?.encryptedSessionId === cookie;
}
