/** Personal survey links for elected members: who has been invited, and new links (shown once). */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { attempt } from '../../platform/errors.js';
import { parseRequest } from '../../platform/validation.js';
import { createInvitations } from '../invitations/createInvitations.js';
import { downloadInvitationLinks } from '../invitations/downloadInvitationLinks.js';
import { inviteeProblem, parseInvitees } from '../invitations/parseInvitees.js';
import { listInvitations } from '../queries/listInvitations.js';
import { consultationRequest, invitationLinksRequest, invitationsRequest } from '../schema.js';
import { invitationsView } from './pages.js';
import { staffConsultation } from './staffConsultation.js';

const VIEW = 'consultations/views/staff-invitations.njk';

const NO_PUBLIC_URL =
  'Invitation links need the address people reach this site at: ask whoever runs SaferPlan to set PUBLIC_URL (for example https://safety.example.gov.uk)';

/** The list as typed, with one problem shown in the summary and beside the box. */
const formProblem = (people: string, message: string) => ({
  values: { people },
  errors: [{ text: message, href: '#people' }],
  fieldErrors: { people: message },
});

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
    const refuse = async (message: string) => {
      const invited = await listInvitations(db, consultation.partnershipId, consultation.id);
      return reply.status(422).view(VIEW, invitationsView({ ...page, invited, ...formProblem(body.people, message) }));
    };
    const { publicUrl } = services.config;
    if (!publicUrl) return refuse(NO_PUBLIC_URL);
    const created = await attempt(['validation_failed'], () =>
      createInvitations({
        db,
        actor: actorOf(principal),
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        invitees: parseInvitees(body.people),
      }),
    );
    if (!created.ok) return refuse(inviteeProblem(created.error.fields));
    const invited = await listInvitations(db, consultation.partnershipId, consultation.id);
    // The links go by email, so they are built from the configured address, never from the request's Host header.
    return reply.view(VIEW, invitationsView({ ...page, invited, batch: created.value, origin: publicUrl }));
  });

  /** The links just made, sent back by the page that showed them, as a CSV file for a mail merge (audited). */
  app.post('/staff/consultations/:id/invitations/links.csv', async (request, reply) => {
    const { params, body } = parseRequest(invitationLinksRequest, request);
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, params.id, 'consultation:manage');
    const { publicUrl } = services.config;
    if (!publicUrl) {
      const invited = await listInvitations(db, consultation.partnershipId, consultation.id);
      return reply.status(422).view(VIEW, invitationsView({ consultation, partnership, invited, ...formProblem('', NO_PUBLIC_URL) }));
    }
    const csv = await downloadInvitationLinks({
      db,
      actor: actorOf(principal),
      partnershipId: consultation.partnershipId,
      consultationId: consultation.id,
      origin: publicUrl,
      linkPath: `/p/${partnership.slug}/${consultation.slug}/invitation/`,
      tokens: body.token,
    });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${consultation.slug}-invitation-links.csv"`)
      .send(csv);
  });
}
