/** Personal survey links for elected members: who has been invited, and new links (shown once). */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { attempt } from '../../platform/errors.js';
import { parseRequest } from '../../platform/validation.js';
import { createInvitations } from '../invitations/createInvitations.js';
import { inviteeProblem, parseInvitees } from '../invitations/parseInvitees.js';
import { listInvitations } from '../queries/listInvitations.js';
import { consultationRequest, invitationsRequest } from '../schema.js';
import { invitationsPage } from './pages.js';
import { staffConsultation } from './staffConsultation.js';

export async function invitationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/staff/consultations/:id/invitations', async (request, reply) => {
    const { consultation, partnership } = await staffConsultation(
      db,
      request.user,
      parseRequest(consultationRequest, request).params.id,
      'consultation:manage',
    );
    return invitationsPage(reply, { consultation, partnership, invited: await listInvitations(db, consultation.partnershipId, consultation.id) });
  });

  app.post('/staff/consultations/:id/invitations', async (request, reply) => {
    const { params, body } = parseRequest(invitationsRequest, request);
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, params.id, 'consultation:manage');
    const page = { consultation, partnership };
    const created = await attempt(['validation_failed'], () =>
      createInvitations({
        db,
        actor: actorOf(principal),
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        invitees: parseInvitees(body.people),
      }),
    );
    const invited = await listInvitations(db, consultation.partnershipId, consultation.id);
    if (created.ok) return invitationsPage(reply, { ...page, invited, created: created.value, origin: `${request.protocol}://${request.host}` });
    const message = inviteeProblem(created.error.fields);
    return invitationsPage(reply.status(422), {
      ...page,
      invited,
      values: { people: body.people },
      errors: [{ text: message, href: '#people' }],
      fieldErrors: { people: message },
    });
  });
}
