/** A partnership's consultations: the list, creating one, its overview and its stage changes. */
import type { FastifyInstance } from 'fastify';
import { authorize, can } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { findPartnership } from '../../partnerships/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { parseRequest } from '../../platform/validation.js';
import { responseCounts, responseCountsByConsultation } from '../../responses/index.js';
import { changeConsultationStage } from '../changeConsultationStage.js';
import { createConsultation } from '../createConsultation.js';
import { listConsultations } from '../queries/listConsultations.js';
import { newConsultationRequest, overviewRequest, partnershipRequest, stageRequest } from '../schema.js';
import { STATUS_LABELS } from '../status.js';
import { overviewContext } from './overview.js';
import { newConsultationPage } from './pages.js';
import { staffConsultation } from './staffConsultation.js';

export async function consultationLifecycleRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;

  app.get('/staff/partnerships/:pid/consultations', async (request, reply) => {
    const { pid } = parseRequest(partnershipRequest, request).params;
    const user = authorize(request.user, 'consultation:view', pid);
    const partnership = await findPartnership(db, pid);
    if (!partnership) throw notFound('Partnership');
    return reply.view('consultations/views/staff-list.njk', {
      title: 'Consultations',
      partnership,
      consultations: await listConsultations(db, pid),
      counts: await responseCountsByConsultation(db, pid),
      statusLabels: STATUS_LABELS,
      canManage: can(user, 'consultation:manage', pid),
    });
  });

  app.get('/staff/partnerships/:pid/consultations/new', async (request, reply) => {
    const { pid } = parseRequest(partnershipRequest, request).params;
    authorize(request.user, 'consultation:manage', pid);
    return newConsultationPage(reply, await findPartnership(db, pid), { template: 'crime-survey' }, []);
  });

  app.post('/staff/partnerships/:pid/consultations/new', async (request, reply) => {
    const { params, body } = parseRequest(newConsultationRequest, request);
    const user = authorize(request.user, 'consultation:manage', params.pid);
    const date = (name: 'opens' | 'closes') => {
      const [d = '', m = '', y = ''] = [body[`${name}-day`], body[`${name}-month`], body[`${name}-year`]].map((v) => v.trim());
      return d || m || y ? `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : '';
    };
    try {
      const { id } = await createConsultation({
        db,
        actor: { id: user.id, label: user.email },
        partnershipId: params.pid,
        consultation: { template: body.template, title: body.title, opens: date('opens'), closes: date('closes') },
      });
      return reply.redirect(`/staff/consultations/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed')
        return newConsultationPage(reply.status(422), await findPartnership(db, params.pid), body, err.fields);
      throw err;
    }
  });

  app.get('/staff/consultations/:id', async (request, reply) => {
    const { params, query } = parseRequest(overviewRequest, request);
    const found = await staffConsultation(db, request.user, params.id, 'consultation:view');
    const counts = await responseCounts(db, found.consultation.partnershipId, params.id);
    return reply.view('consultations/views/staff-overview.njk', overviewContext({ ...found, counts, changed: query.changed }));
  });

  app.post('/staff/consultations/:id/stage', async (request, reply) => {
    const { params, body } = parseRequest(stageRequest, request);
    const { consultation, principal } = await staffConsultation(db, request.user, params.id, 'consultation:manage');
    await changeConsultationStage({
      db,
      actor: { id: principal.id, label: principal.email },
      partnershipId: consultation.partnershipId,
      consultationId: consultation.id,
      action: body.action,
    });
    runtimes.invalidate(consultation.id);
    return reply.redirect(`/staff/consultations/${consultation.id}?changed=1`, 303);
  });
}
