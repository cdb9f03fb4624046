import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { parseJsonBody } from '../../platform/jsonBody.js';

/** JSON bodies through parseJsonBody: too deep or carrying a prototype key is a 400 that says so, not a 500 or "not valid JSON". */
export const jsonBodyPlugin = fp(async (app: FastifyInstance) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
});
