/** The partnership's saved population margins for weighting: shown (pre-filled from its wards' populations when none are saved) and saved, audited. */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { marginsPage } from './marginsPage.js';
import { marginsText } from './marginsText.js';
import { populationOfWards } from './populationOfWards.js';
import { savedMargins } from './queries/savedMargins.js';
import { saveMargins } from './saveMargins.js';
import { marginsFormRequest, marginsPageRequest } from './schema.js';

export async function marginsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  /** Analysts and admins of the partnership, as for managing its consultations. */
  async function partnershipFor(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'consultation:manage', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }
  const current = async (id: string) => marginsText(await savedMargins(db, id), await populationOfWards(db, id));

  app.get('/staff/partnerships/:id/margins', async (request, reply) => {
    const { params, query } = parseRequest(marginsPageRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id);
    const { text, source } = await current(partnership.id);
    return reply.view('analysis/views/margins.njk', marginsPage({ partnership, text, source, saved: query.saved === '1' }));
  });

  app.post('/staff/partnerships/:id/margins', async (request, reply) => {
    const { params, body } = parseRequest(marginsFormRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id);
    const saved = await attempt(['validation_failed'], () =>
      saveMargins({ db, actor: actorOf(principal), partnershipId: partnership.id, marginsCsv: body.margins.replace(/\r\n/g, '\n') }),
    );
    if (saved.ok) return reply.redirect(`/staff/partnerships/${partnership.id}/margins?saved=1`, 303);
    const { source } = await current(partnership.id);
    return reply.status(422).view('analysis/views/margins.njk', marginsPage({ partnership, text: body.margins, source, fields: saved.error.fields }));
  });
}
