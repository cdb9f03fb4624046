/** A partnership's consultations: the list, creating one, its overview and its stage changes. */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, can } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { findPartnership, listPlanThemes } from '../../partnerships/index.js';
import { dateFromForm } from '../../platform/dateParts.js';
import { attempt, notFound } from '../../platform/errors.js';
import { parseRequest } from '../../platform/validation.js';
import { responseCounts, responseCountsByConsultation } from '../../responses/index.js';
import { changeConsultationStage } from '../changeConsultationStage.js';
import { createConsultation } from '../createConsultation.js';
import { listConsultations } from '../queries/listConsultations.js';
import { newConsultationRequest, overviewRequest, partnershipRequest, stageRequest } from '../schema.js';
import { overviewContext } from './overview.js';
import { consultationListView, newConsultationView } from './pages.js';
import { staffConsultation } from './staffConsultation.js';

export async function consultationLifecycleRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;

  app.get('/staff/partnerships/:pid/consultations', async (request, reply) => {
    const { pid } = parseRequest(partnershipRequest, request).params;
    const user = authorize(request.user, 'consultation:view', pid);
    const partnership = await findPartnership(db, pid);
    if (!partnership) throw notFound('Partnership');
    const [consultations, counts] = await Promise.all([listConsultations(db, pid), responseCountsByConsultation(db, pid)]);
    return reply.view(
      'consultations/views/staff-list.njk',
      consultationListView(partnership, consultations, counts, can(user, 'consultation:manage', pid)),
    );
  });

  app.get('/staff/partnerships/:pid/consultations/new', async (request, reply) => {
    const { pid } = parseRequest(partnershipRequest, request).params;
    authorize(request.user, 'consultation:manage', pid);
    return reply.view('consultations/views/staff-new.njk', newConsultationView(await findPartnership(db, pid), { template: 'crime-survey' }, []));
  });

  app.post('/staff/partnerships/:pid/consultations/new', async (request, reply) => {
    const { params, body } = parseRequest(newConsultationRequest, request);
    const user = authorize(request.user, 'consultation:manage', params.pid);
    const created = await attempt(['validation_failed'], () =>
      createConsultation({
        db,
        actor: actorOf(user),
        partnershipId: params.pid,
        consultation: { template: body.template, title: body.title, opens: dateFromForm(body, 'opens'), closes: dateFromForm(body, 'closes') },
      }),
    );
    if (created.ok) return reply.redirect(`/staff/consultations/${created.value.id}?created=1`, 303);
    return reply
      .status(422)
      .view('consultations/views/staff-new.njk', newConsultationView(await findPartnership(db, params.pid), body, created.error.fields));
  });

  app.get('/staff/consultations/:id', async (request, reply) => {
    const { params, query } = parseRequest(overviewRequest, request);
    const found = await staffConsultation(db, request.user, params.id, 'consultation:view');
    const [counts, themes] = await Promise.all([
      responseCounts(db, found.consultation.partnershipId, params.id),
      listPlanThemes(db, found.consultation.partnershipId),
    ]);
    return reply.view('consultations/views/staff-overview.njk', overviewContext({ ...found, counts, themes, ...query }));
  });

  app.post('/staff/consultations/:id/stage', async (request, reply) => {
    const { params, body } = parseRequest(stageRequest, request);
    const { consultation, principal } = await staffConsultation(db, request.user, params.id, 'consultation:manage');
    await changeConsultationStage({
      db,
      actor: actorOf(principal),
      partnershipId: consultation.partnershipId,
      consultationId: consultation.id,
      action: body.action,
    });
    runtimes.invalidate(consultation.id);
    return reply.redirect(`/staff/consultations/${consultation.id}?changed=1`, 303);
  });
}
