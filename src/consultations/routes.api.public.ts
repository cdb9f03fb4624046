import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { forbidden, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { submitResponse } from '../responses/index.js';
import { presentSurvey } from '../surveys/index.js';
import { consultationRequest, submissionRequest } from './schema.js';

/**
 * The public API: anonymous, no session or cookies, registered outside the session context so a submission
 * costs only what it needs (validation, idempotency, the group commit).
 */
export async function consultationPublicApiRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { runtimes, writer, config } = services;
  const rateLimit = config.submissionRateLimit > 0 ? { rateLimit: { max: config.submissionRateLimit, timeWindow: '1 minute' } } : undefined;

  app.post('/api/v1/consultations/:id/responses', { config: rateLimit }, async (request, reply) => {
    const {
      params: { id },
      headers,
      body,
    } = parseRequest(submissionRequest, request);
    // Either {"answers": {...}} or the answers object itself.
    const answers =
      body.answers && typeof body.answers === 'object' && !Array.isArray(body.answers) ? (body.answers as Record<string, unknown>) : body;
    const runtime = await runtimes.get(id);
    if (!runtime) throw notFound('Consultation');
    if (!runtime.consultation.audiences.includes('public')) {
      throw forbidden('This survey is for invited respondents: answer it through its web page, signed in or from your invitation link');
    }
    const stored = await submitResponse({
      runtimes,
      writer,
      consultationId: id,
      answers,
      channel: 'online',
      idempotencyKey: headers['idempotency-key'],
      requireOpen: true,
    });
    if (stored.duplicate) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send({ reference: stored.reference });
  });

  app.get('/api/v1/consultations/:id/survey', async (request) => {
    const runtime = await runtimes.get(parseRequest(consultationRequest, request).params.id);
    if (!runtime || runtime.consultation.status === 'draft') throw notFound('Consultation');
    const { consultation, definition, wards } = runtime;
    return presentSurvey({ consultationId: consultation.id, version: consultation.surveyVersion, definition, wards });
  });
}
