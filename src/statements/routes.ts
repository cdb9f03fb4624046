/** The public statements: /accessibility and /privacy, each partnership's own, and a consultation's privacy notice. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { loadConsultation } from '../consultations/index.js';
import { findPartnership, listPartnerships, type Partnership } from '../partnerships/index.js';
import { notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { loadStatement } from './queries/loadStatement.js';
import { consultationPrivacyRequest, partnershipPageRequest } from './schema.js';
import { accessibilityPage, chooserPage, privacyPage } from './viewModels.js';

const GENERIC = {
  accessibility: 'Each partnership on this site publishes its own accessibility statement.',
  privacy: 'Each partnership on this site is the data controller for its consultations and publishes its own privacy notice.',
};

export async function statementRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  const partnershipOf = async (slug: string) => {
    const partnership = await findPartnership(db, slug);
    if (!partnership) throw notFound('Partnership');
    return partnership;
  };
  const accessibility = async (partnership: Partnership) =>
    accessibilityPage(partnership, (await loadStatement(db, partnership, 'accessibility')).statement);
  const privacy = async (partnership: Partnership) => privacyPage(partnership, (await loadStatement(db, partnership, 'privacy')).statement);

  // The site-wide pages (linked from pages that belong to no partnership): the only partnership's own statement,
  // or with several, a link to each partnership's.
  app.get('/accessibility', async (_request, reply) => {
    const all = await listPartnerships(db);
    if (all.length === 1 && all[0]) return reply.view('statements/views/accessibility.njk', await accessibility(all[0]));
    const links = all.map((p) => ({ href: `/p/${p.slug}/accessibility`, text: p.name }));
    return reply.view('statements/views/chooser.njk', chooserPage('Accessibility statements', GENERIC.accessibility, links));
  });

  app.get('/privacy', async (_request, reply) => {
    const all = await listPartnerships(db);
    if (all.length === 1 && all[0]) return reply.view('statements/views/privacy.njk', await privacy(all[0]));
    const links = all.map((p) => ({ href: `/p/${p.slug}/privacy`, text: p.name }));
    return reply.view('statements/views/chooser.njk', chooserPage('Privacy notices', GENERIC.privacy, links));
  });

  app.get('/p/:slug/accessibility', async (request, reply) => {
    const partnership = await partnershipOf(parseRequest(partnershipPageRequest, request).params.slug);
    return reply.view('statements/views/accessibility.njk', await accessibility(partnership));
  });

  app.get('/p/:slug/privacy', async (request, reply) => {
    const partnership = await partnershipOf(parseRequest(partnershipPageRequest, request).params.slug);
    return reply.view('statements/views/privacy.njk', await privacy(partnership));
  });

  /** A consultation's privacy notice: its own text (what it asks and why) with the partnership's notice. */
  app.get('/p/:slug/:cslug/privacy', async (request, reply) => {
    const { params } = parseRequest(consultationPrivacyRequest, request);
    const partnership = await partnershipOf(params.slug);
    const consultation = await loadConsultation(db, params.cslug, partnership.id);
    if (!consultation || consultation.status === 'draft') throw notFound('Consultation');
    const notice = (await loadStatement(db, partnership, 'privacy')).statement;
    return reply.view(
      'statements/views/privacy.njk',
      privacyPage(partnership, notice, {
        title: consultation.title,
        purpose: consultation.purpose,
        legalBasis: consultation.legalBasis,
        privacyNotice: consultation.privacyNotice,
        pageHref: `/p/${partnership.slug}/${consultation.slug}`,
      }),
    );
  });
}
