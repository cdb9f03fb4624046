import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, can } from '../accounts/policy.js';
import { forbidden, notFound } from '../app/errors.js';
import type { Services } from '../app/services.js';
import { parseOrThrow } from '../app/validation.js';
import { listConsultations } from './queries/listConsultations.js';
import { loadConsultation } from './queries/loadConsultation.js';
import { listResponses } from './queries/listResponses.js';
import { submitResponse } from './responses/submitResponse.js';

const submissionBody = z.record(z.string(), z.unknown(), { message: 'The body must be a JSON object of answers keyed by question code' });
const idempotencyKey = z.string().trim().min(1).max(200, 'Idempotency-Key must be 200 characters or fewer').optional();
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  after: z.string().optional(),
});

export async function consultationApiRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes, writer, config } = services;
  const rateLimit = config.submissionRateLimit > 0 ? { rateLimit: { max: config.submissionRateLimit, timeWindow: '1 minute' } } : undefined;

  app.post('/api/v1/consultations/:id/responses', { config: rateLimit }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = parseOrThrow(submissionBody, request.body ?? {});
    // Either {"answers": {...}} or the answers object itself.
    const answers = body.answers && typeof body.answers === 'object' && !Array.isArray(body.answers) ? (body.answers as Record<string, unknown>) : body;
    const runtime = await runtimes.get(id);
    if (!runtime) throw notFound('Consultation');
    if (!runtime.consultation.audiences.includes('public')) {
      const user = authorize(request.user, 'survey:answer-members', runtime.consultation.partnershipId);
      if (!user) throw forbidden();
    }
    const stored = await submitResponse({
      runtimes,
      writer,
      consultationId: id,
      answers,
      channel: 'online',
      idempotencyKey: parseOrThrow(idempotencyKey, request.headers['idempotency-key']),
      requireOpen: true,
    });
    if (stored.duplicate) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send({ reference: stored.reference });
  });

  app.get('/api/v1/consultations/:id/responses', async (request) => {
    const { id } = request.params as { id: string };
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    authorize(request.user, 'responses:read', consultation.partnershipId);
    const page = parseOrThrow(pageQuery, request.query);
    const [submittedAt, afterId] = page.after?.split('|') ?? [];
    const responses = await listResponses(db, consultation.partnershipId, id, {
      limit: page.limit,
      after: submittedAt && afterId ? { submittedAt, id: afterId } : undefined,
    });
    const last = responses.at(-1);
    return {
      consultationId: id,
      responses: responses.map(({ id: _id, ...r }) => r),
      next: last && responses.length === page.limit ? `${last.submittedAt}|${last.id}` : null,
    };
  });

  app.get('/api/v1/partnerships/:pid/consultations', async (request) => {
    const { pid } = request.params as { pid: string };
    authorize(request.user, 'consultation:view', pid);
    return { consultations: await listConsultations(db, pid) };
  });

  app.get('/api/v1/consultations/:id/survey', async (request) => {
    const runtime = await runtimes.get((request.params as { id: string }).id);
    if (!runtime || runtime.consultation.status === 'draft') {
      if (!runtime || !request.user || !can(request.user, 'consultation:view', runtime.consultation.partnershipId)) throw notFound('Consultation');
    }
    return { consultationId: runtime.consultation.id, version: runtime.consultation.surveyVersion, definition: runtime.definition };
  });
}
