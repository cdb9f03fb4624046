import type { FastifyInstance } from 'fastify';
import { authorize } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { parseRequest } from '../platform/validation.js';
import { crimeStats } from './crimeStats.js';
import { crimeStatsRequest } from './schema.js';

/** The staff API for recorded crime: signed-in users of the partnership, through the session (docs/crime.md). */
export async function crimeApiRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get('/api/v1/partnerships/:id/crime', async (request) => {
    const { params, query } = parseRequest(crimeStatsRequest, request);
    authorize(request.user, 'crime:view', params.id);
    return crimeStats(services.db, params.id, query.groupBy, { from: query.from, to: query.to, types: query.type });
  });
}
