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
import { invitationsView } from './pages.js';
import { staffConsultation } from './staffConsultation.js';

const VIEW = 'consultations/views/staff-invitations.njk';

export async function invitationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/staff/consultations/:id/invitations', async (request, reply) => {
    const { consultation, partnership } = await staffConsultation(
      db,
      request.user,
      parseRequest(consultationRequest, request).params.id,
      'consultation:manage',
    );
    const invited = await listInvitations(db, consultation.partnershipId, consultation.id);
    return reply.view(VIEW, invitationsView({ consultation, partnership, invited }));
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
    if (created.ok)
      return reply.view(VIEW, invitationsView({ ...page, invited, created: created.value, origin: `${request.protocol}://${request.host}` }));
    const message = inviteeProblem(created.error.fields);
    return reply.status(422).view(
      VIEW,
      invitationsView({
        ...page,
        invited,
        values: { people: body.people },
        errors: [{ text: message, href: '#people' }],
        fieldErrors: { people: message },
      }),
    );
  });
}
