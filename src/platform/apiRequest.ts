import type { FastifyRequest } from 'fastify';

/** A request to the JSON API (/api/...): errors answer as JSON, never as a page. */
export const isApiRequest = (request: Pick<FastifyRequest, 'url'>) => request.url.startsWith('/api/');
