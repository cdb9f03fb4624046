/** Staff previews of a consultation's public pages (drafts included); nothing can be answered or stored from them. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { notFound } from '../../platform/errors.js';
import { parseRequest } from '../../platform/validation.js';
import { previewRequest, previewScreenRequest } from '../schema.js';
import { previewInformationView, previewQuestionView } from './preview.js';
import { staffConsultation } from './staffConsultation.js';

export async function previewRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;
  const load = async (user: Parameters<typeof staffConsultation>[1], id: string) => {
    const { partnership } = await staffConsultation(db, user, id, 'consultation:view');
    const runtime = await runtimes.get(id);
    if (!runtime) throw notFound('Consultation');
    return { runtime, partnership };
  };

  app.get('/staff/consultations/:id/preview', async (request, reply) => {
    const { runtime, partnership } = await load(request.user, parseRequest(previewRequest, request).params.id);
    return reply.view('consultations/views/public/consultation.njk', previewInformationView(runtime, partnership));
  });

  app.get('/staff/consultations/:id/preview/questions/:screen', async (request, reply) => {
    const { params } = parseRequest(previewScreenRequest, request);
    const { runtime, partnership } = await load(request.user, params.id);
    return reply.view('consultations/views/public/question-page.njk', previewQuestionView(runtime, partnership, params.screen));
  });
}
