/** The respondent's side around the form: the partnership's hub, a consultation's page, the confirmation, invitation links. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { findPartnership, listPlanThemes } from '../../partnerships/index.js';
import { notFound } from '../../platform/errors.js';
import { parseRequest } from '../../platform/validation.js';
import { respondentAccess } from '../form/access.js';
import { visibleScreens } from '../form/screens.js';
import { progressOf, saveProgress } from '../form/session.js';
import { findInvitationByToken } from '../invitations/findInvitation.js';
import { findMemberResponse } from '../queries/findMemberResponse.js';
import { listConsultations } from '../queries/listConsultations.js';
import { consultationPageRequest, hubRequest, invitationLinkRequest } from '../schema.js';
import { invitationUnknownPage, invitationUsedPage } from './messages.js';
import { confirmationView, consultationView, hubView } from './pages.js';
import { targetResolver } from './resolveTarget.js';

export async function consultationPublicRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  const resolve = targetResolver(db, services.runtimes);

  app.get('/p/:slug', async (request, reply) => {
    const { params, query } = parseRequest(hubRequest, request);
    const partnership = await findPartnership(db, params.slug);
    if (!partnership) throw notFound('Partnership');
    const [consultations, themes] = await Promise.all([listConsultations(db, partnership.id), listPlanThemes(db, partnership.id)]);
    return reply.view('consultations/views/public/hub.njk', hubView(partnership, consultations, themes, query));
  });

  app.get('/p/:slug/:cslug', async (request, reply) => {
    const target = await resolve(parseRequest(consultationPageRequest, request).params);
    const c = target.consultation;
    const progress = progressOf(request, c.id);
    const first = visibleScreens(target.definition, progress.answers)[0];
    const access = respondentAccess(c, request.user, progress.invitationId);
    const answered = access === 'member' && request.user ? await findMemberResponse(db, c.partnershipId, c.id, request.user.id) : undefined;
    return reply.view('consultations/views/public/consultation.njk', consultationView(target, access, first, answered));
  });

  app.get('/p/:slug/:cslug/confirmation', async (request, reply) => {
    const target = await resolve(parseRequest(consultationPageRequest, request).params);
    const reference = progressOf(request, target.consultation.id).reference;
    if (!reference) return reply.redirect(target.urls.page, 303);
    return reply.view('consultations/views/public/confirmation.njk', confirmationView(target, reference));
  });

  app.get('/p/:slug/:cslug/invitation/:token', async (request, reply) => {
    const { params } = parseRequest(invitationLinkRequest, request);
    const target = await resolve(params);
    const invitation = await findInvitationByToken(db, target.consultation.partnershipId, target.consultation.id, params.token);
    if (!invitation) return invitationUnknownPage(reply, target);
    if (invitation.responseReference) return invitationUsedPage(reply, target);
    saveProgress(request, target.consultation.id, { ...progressOf(request, target.consultation.id), invitationId: invitation.id });
    // The consultation's own page first (why we ask, who sees the answers, privacy), then "Start now".
    return reply.redirect(target.urls.page, 303);
  });
}
