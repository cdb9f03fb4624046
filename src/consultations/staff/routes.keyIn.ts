/** Keying in a response received on paper, by email, by phone or at an event. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { AppError, notFound } from '../../platform/errors.js';
import { messagesByField, parseRequest } from '../../platform/validation.js';
import { enterResponse } from '../../responses/index.js';
import { allQuestions, validateAnswers } from '../../surveys/index.js';
import { errorLinks } from '../form/fieldIds.js';
import { formAnswers } from '../form/formAnswers.js';
import { keyInPageRequest, keyInRequest } from '../schema.js';
import { keyInPage, STAFF_CHANNELS } from './pages.js';
import { staffConsultation } from './staffConsultation.js';

export async function keyInRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;
  const runtimeOf = async (id: string) => {
    const runtime = await runtimes.get(id);
    if (!runtime) throw notFound('Consultation');
    return runtime;
  };

  app.get('/staff/consultations/:id/responses/new', async (request, reply) => {
    const { params, query } = parseRequest(keyInPageRequest, request);
    const { consultation, partnership } = await staffConsultation(db, request.user, params.id, 'responses:enter');
    return keyInPage(reply, await runtimeOf(params.id), { consultation, partnership, savedReference: query.saved });
  });

  app.post('/staff/consultations/:id/responses/new', async (request, reply) => {
    const { params, body } = parseRequest(keyInRequest, request);
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, params.id, 'responses:enter');
    const runtime = await runtimeOf(params.id);
    const questions = allQuestions(runtime.definition);
    const raw = formAnswers(questions, body);
    const channel = STAFF_CHANNELS.find((c) => c === body._channel);
    try {
      if (!channel) {
        const checked = validateAnswers(runtime.definition, raw, { wards: runtime.wards });
        throw new AppError('validation_failed', 422, 'There is a problem', [
          { field: '_channel', message: 'Select how this response was received' },
          ...(checked.ok ? [] : checked.errors),
        ]);
      }
      const stored = await enterResponse({
        handle: services.handle,
        runtimes,
        actor: { id: principal.id, label: principal.email },
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        answers: raw,
        channel,
      });
      return reply.redirect(`/staff/consultations/${consultation.id}/responses/new?saved=${stored.reference}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'validation_failed' && err.code !== 'not_open')) throw err;
      const fields = err.code === 'not_open' ? [{ field: '_channel', message: err.message }] : err.fields;
      const links = [
        ...fields.filter((f) => f.field === '_channel').map((f) => ({ text: f.message, href: '#_channel' })),
        ...errorLinks(questions, fields),
      ];
      return keyInPage(reply.status(422), runtime, {
        consultation,
        partnership,
        values: { ...raw, _channel: body._channel },
        errors: links,
        fieldErrors: messagesByField(fields),
      });
    }
  });
}
