/** Changing a consultation after creating it: its details, a stage change's confirmation page, and reopening it. */
import type { FastifyInstance } from 'fastify';
import { actorOf, can } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { listPlanThemes } from '../../partnerships/index.js';
import { dateFromForm } from '../../platform/dateParts.js';
import { attempt, forbidden } from '../../platform/errors.js';
import { londonDateOf } from '../../platform/londonTime.js';
import { parseRequest } from '../../platform/validation.js';
import { reopenConsultation } from '../reopenConsultation.js';
import { consultationRequest, detailsRequest, reopenRequest, stageConfirmRequest } from '../schema.js';
import { updateConsultation } from '../updateConsultation.js';
import { confirmStageView, detailsView, reopenView } from './details.js';
import { staffConsultation } from './staffConsultation.js';

const DETAILS = 'consultations/views/staff-details.njk';
const REOPEN = 'consultations/views/staff-reopen.njk';

export async function consultationDetailsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;

  app.get('/staff/consultations/:id/details', async (request, reply) => {
    const { consultation, partnership } = await staffConsultation(
      db,
      request.user,
      parseRequest(consultationRequest, request).params.id,
      'consultation:manage',
    );
    const themes = await listPlanThemes(db, consultation.partnershipId);
    return reply.view(DETAILS, detailsView({ consultation, partnership, themes }));
  });

  app.post('/staff/consultations/:id/details', async (request, reply) => {
    const { params, body } = parseRequest(detailsRequest, request);
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, params.id, 'consultation:manage');
    // A date left as it was is not sent: its stored time of day (an opening "now", say) stays as it is.
    const dateChange = (name: 'opens' | 'closes', stored: string) => {
      const typed = dateFromForm(body, name);
      return typed === londonDateOf(stored) ? undefined : typed;
    };
    const updated = await attempt(['validation_failed'], () =>
      updateConsultation({
        db,
        actor: actorOf(principal),
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        changes: {
          title: body.title,
          summary: body.summary,
          purpose: body.purpose,
          privacyNotice: body.privacyNotice,
          audiences: body.audiences,
          topics: body.topics,
          resultsVisibility: body.resultsVisibility,
          opens: dateChange('opens', consultation.opensAt),
          closes: dateChange('closes', consultation.closesAt),
        },
      }),
    );
    if (updated.ok) {
      runtimes.invalidate(consultation.id);
      return reply.redirect(`/staff/consultations/${consultation.id}?saved=1`, 303);
    }
    const themes = await listPlanThemes(db, consultation.partnershipId);
    return reply.status(422).view(DETAILS, detailsView({ consultation, partnership, themes, values: body, fields: updated.error.fields }));
  });

  // "Are you sure?": what the change will do, and a Confirm button that posts it to /stage.
  app.get('/staff/consultations/:id/stage/:action', async (request, reply) => {
    const { params } = parseRequest(stageConfirmRequest, request);
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, params.id, 'consultation:manage');
    if (!can(principal, `consultation:stage:${params.action}`, consultation))
      throw forbidden(`"${consultation.title}" cannot be changed that way now (it is ${consultation.status})`);
    return reply.view('consultations/views/staff-confirm.njk', confirmStageView(consultation, partnership, params.action));
  });

  app.get('/staff/consultations/:id/reopen', async (request, reply) => {
    const { consultation, partnership, principal } = await staffConsultation(
      db,
      request.user,
      parseRequest(consultationRequest, request).params.id,
      'consultation:reopen',
    );
    if (!can(principal, 'consultation:reopen-now', consultation))
      throw forbidden(`"${consultation.title}" is not closed (it is ${consultation.status})`);
    return reply.view(REOPEN, reopenView(consultation, partnership));
  });

  app.post('/staff/consultations/:id/reopen', async (request, reply) => {
    const { params, body } = parseRequest(reopenRequest, request);
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, params.id, 'consultation:reopen');
    const reopened = await attempt(['validation_failed'], () =>
      reopenConsultation({
        db,
        actor: actorOf(principal),
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        reason: body.reason,
        closes: dateFromForm(body, 'closes'),
      }),
    );
    if (reopened.ok) {
      runtimes.invalidate(consultation.id);
      return reply.redirect(`/staff/consultations/${consultation.id}?changed=1`, 303);
    }
    return reply.status(422).view(REOPEN, reopenView(consultation, partnership, body, reopened.error.fields));
  });
}
