import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, can, ROLE_LABELS } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { attempt, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { brandCss } from './brandCss.js';
import { presentPartnership } from './presentPartnership.js';
import { findPartnership, listPartnerships } from './queries/listPartnerships.js';
import { listPlanThemes } from './queries/listPlanThemes.js';
import { partnershipGeography } from './queries/partnershipGeography.js';
import { brandRequest, partnershipRequest, settingsPageRequest, settingsRequest } from './schema.js';
import { setSuppressionMinimum } from './setSuppressionMinimum.js';
import { partnershipPage, settingsPage, staffHomePage } from './viewModels.js';

export async function partnershipRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/staff', async (request, reply) => {
    const user = authorize(request.user, 'staff:home');
    return reply.view('partnerships/views/staff-home.njk', staffHomePage(ROLE_LABELS[user.role], await listPartnerships(db, user.partnershipIds)));
  });

  app.get('/staff/partnerships/:id', async (request, reply) => {
    const { id } = parseRequest(partnershipRequest, request).params;
    const user = authorize(request.user, 'partnership:view', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    const [geography, themes] = await Promise.all([partnershipGeography(db, id), listPlanThemes(db, id)]);
    const page = partnershipPage(partnership, geography, themes, can(user, 'partnership:settings', id));
    return reply.view('partnerships/views/partnership.njk', page);
  });

  /** The partnership's settings (admins): the small-number suppression minimum. */
  async function settingsOf(user: Parameters<typeof authorize>[0], id: string) {
    const principal = authorize(user, 'partnership:settings', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }

  app.get('/staff/partnerships/:id/settings', async (request, reply) => {
    const { params, query } = parseRequest(settingsPageRequest, request);
    const { partnership } = await settingsOf(request.user, params.id);
    return reply.view('partnerships/views/settings.njk', settingsPage(partnership, undefined, [], query.saved === '1'));
  });

  app.post('/staff/partnerships/:id/settings', async (request, reply) => {
    const { params, body } = parseRequest(settingsRequest, request);
    const { principal, partnership } = await settingsOf(request.user, params.id);
    const minimum = body.suppressionMinimum.trim();
    const saved = await attempt(['validation_failed'], () =>
      setSuppressionMinimum({ db, actor: actorOf(principal), partnershipId: partnership.id, minimum: minimum === '' ? undefined : minimum }),
    );
    if (saved.ok) return reply.redirect(`/staff/partnerships/${partnership.id}/settings?saved=1`, 303);
    const fields = saved.error.fields.map((f) => ({ ...f, field: 'suppressionMinimum' }));
    return reply.status(422).view('partnerships/views/settings.njk', settingsPage(partnership, body.suppressionMinimum, fields));
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
