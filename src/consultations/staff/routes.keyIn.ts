/** Keying in a response received on paper, by email, by phone or at an event. */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { dateFromForm } from '../../platform/dateParts.js';
import { attempt, type FieldError, notFound } from '../../platform/errors.js';
import { messagesByField, parseRequest } from '../../platform/validation.js';
import { enterResponse, KEYED_IN_CHANNELS } from '../../responses/index.js';
import { allQuestions, validateAnswers } from '../../surveys/index.js';
import { errorLinks } from '../form/fieldIds.js';
import { formAnswers } from '../form/formAnswers.js';
import { keyInPageRequest, keyInRequest } from '../schema.js';
import { keyInView } from './pages.js';
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
    return reply.view(
      'consultations/views/staff-enter.njk',
      keyInView(await runtimeOf(params.id), { consultation, partnership, savedReference: query.saved }),
    );
  });

  app.post('/staff/consultations/:id/responses/new', async (request, reply) => {
    const { params, body } = parseRequest(keyInRequest, request);
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, params.id, 'responses:enter');
    const runtime = await runtimeOf(params.id);
    const questions = allQuestions(runtime.definition);
    const raw = formAnswers(questions, body);
    const channel = KEYED_IN_CHANNELS.find((c) => c === body._channel);
    const again = (fields: FieldError[]) =>
      reply.status(422).view(
        'consultations/views/staff-enter.njk',
        keyInView(runtime, {
          consultation,
          partnership,
          values: raw,
          channel: body._channel,
          received: dateFromForm(body, '_received'),
          errors: [
            ...fields.filter((f) => f.field === '_channel').map((f) => ({ text: f.message, href: '#_channel' })),
            ...fields.filter((f) => f.field === '_received').map((f) => ({ text: f.message, href: '#_received-day' })),
            ...errorLinks(questions, fields),
          ],
          fieldErrors: messagesByField(fields),
        }),
      );
    const receivedOn = dateFromForm(body, '_received');
    if (!channel) {
      const checked = validateAnswers(runtime.definition, raw, { wards: runtime.wards, keyedIn: true });
      return again([{ field: '_channel', message: 'Select how this response was received' }, ...(checked.ok ? [] : checked.errors)]);
    }
    const stored = await attempt(['validation_failed', 'not_open'], () =>
      enterResponse({
        handle: services.handle,
        runtimes,
        actor: actorOf(principal),
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        answers: raw,
        channel,
        receivedOn: receivedOn || undefined,
      }),
    );
    if (stored.ok) return reply.redirect(`/staff/consultations/${consultation.id}/responses/new?saved=${stored.value.reference}`, 303);
    const { error } = stored;
    return again(error.code === 'not_open' ? [{ field: '_channel', message: error.message }] : error.fields);
  });
}
