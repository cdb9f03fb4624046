import type { FastifyInstance } from 'fastify';
import { authorize, ROLE_LABELS } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { brandCss } from './brandCss.js';
import { presentPartnership } from './presentPartnership.js';
import { findPartnership, listPartnerships } from './queries/listPartnerships.js';
import { listPlanThemes } from './queries/listPlanThemes.js';
import { partnershipGeography } from './queries/partnershipGeography.js';
import { brandRequest, partnershipRequest } from './schema.js';
import { partnershipPage, staffHomePage } from './viewModels.js';

export async function partnershipRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/staff', async (request, reply) => {
    const user = authorize(request.user, 'staff:home');
    return reply.view('partnerships/views/staff-home.njk', staffHomePage(ROLE_LABELS[user.role], await listPartnerships(db, user.partnershipIds)));
  });

  app.get('/staff/partnerships/:id', async (request, reply) => {
    const { id } = parseRequest(partnershipRequest, request).params;
    authorize(request.user, 'partnership:view', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    const [geography, themes] = await Promise.all([partnershipGeography(db, id), listPlanThemes(db, id)]);
    return reply.view('partnerships/views/partnership.njk', partnershipPage(partnership, geography, themes));
  });

  app.get('/brand/:file', async (request, reply) => {
    const slug = parseRequest(brandRequest, request).params.file;
    const partnership = await findPartnership(db, slug);
    if (!partnership) throw notFound('Stylesheet');
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(brandCss(partnership.branding));
  });

  app.get('/api/v1/partnerships', async (request) => {
    const user = authorize(request.user, 'partnership:view');
    return { partnerships: (await listPartnerships(db, user.partnershipIds)).map(presentPartnership) };
  });
}
