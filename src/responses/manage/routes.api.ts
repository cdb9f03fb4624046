/** The staff API's view of one response: for scripts that check a correction or a withdrawal. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { notFound } from '../../platform/errors.js';
import { parseRequest } from '../../platform/validation.js';
import { presentManagedResponse } from './presentManagedResponse.js';
import { findResponse } from './queries/findResponse.js';
import { responseVersions } from './queries/responseVersions.js';
import { apiResponseRequest } from './schema.js';
import { staffResponses } from './staffResponses.js';

export async function manageResponsesApiRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;
  app.get('/api/v1/consultations/:id/responses/:reference', async (request) => {
    const { params } = parseRequest(apiResponseRequest, request);
    const { consultation } = await staffResponses(db, request.user, params.id, 'responses:read', runtimes);
    const response = await findResponse(db, { partnershipId: consultation.partnershipId, consultationId: consultation.id }, params.reference);
    if (!response) throw notFound(`Response ${params.reference}`);
    return presentManagedResponse(response, await responseVersions(db, consultation.partnershipId, response.id));
  });
}
