import type { FastifyInstance } from 'fastify';
import { authorize } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { listResponses, presentStoredResponse } from '../responses/index.js';
import { presentConsultation } from './presentConsultation.js';
import { listConsultations } from './queries/listConsultations.js';
import { loadConsultation } from './queries/loadConsultation.js';
import { partnershipConsultationsRequest, responsesPageRequest } from './schema.js';

/** The staff API: signed-in users, through the session. */
export async function consultationApiRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/api/v1/consultations/:id/responses', async (request) => {
    const {
      params: { id },
      query: page,
    } = parseRequest(responsesPageRequest, request);
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    authorize(request.user, 'responses:read', consultation.partnershipId);
    const [submittedAt, afterId] = page.after?.split('|') ?? [];
    const responses = await listResponses(db, consultation.partnershipId, id, {
      limit: page.limit,
      after: submittedAt && afterId ? { submittedAt, id: afterId } : undefined,
    });
    const last = responses.at(-1);
    return {
      consultationId: id,
      responses: responses.map(presentStoredResponse),
      next: last && responses.length === page.limit ? `${last.submittedAt}|${last.id}` : null,
    };
  });

  app.get('/api/v1/partnerships/:id/consultations', async (request) => {
    const { id } = parseRequest(partnershipConsultationsRequest, request).params;
    authorize(request.user, 'consultation:view', id);
    return { consultations: (await listConsultations(db, id)).map(presentConsultation) };
  });
}
