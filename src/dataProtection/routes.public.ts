/** The public side of data protection: withdrawing a response by its reference, and a published consultation's open data. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app/services.js';
import { loadConsultation } from '../consultations/index.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { openDataCsv, openDataDictionaryCsv } from './openData.js';
import { enteredWithdrawal, publicFileRequest, publicWithdrawPageRequest, publicWithdrawRequest } from './schema.js';
import { withdrawFormPage, withdrawPath, withdrawSentPage } from './viewModels.js';
import { requestWithdrawal } from './withdrawals.js';

export async function dataProtectionPublicRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  const limited = config.submissionRateLimit > 0 ? { config: { rateLimit: { max: config.submissionRateLimit, timeWindow: '1 minute' } } } : {};
  const partnershipOf = async (slug: string) => {
    const partnership = await findPartnership(db, slug);
    if (!partnership) throw notFound('Partnership');
    return partnership;
  };

  app.get('/p/:slug/withdraw', async (request, reply) => {
    const partnership = await partnershipOf(parseRequest(publicWithdrawPageRequest, request).params.slug);
    return reply.view('dataProtection/views/withdraw.njk', withdrawFormPage(partnership, { reference: '', note: '' }));
  });

  app.post('/p/:slug/withdraw', limited, async (request, reply) => {
    const { params, body } = parseRequest(publicWithdrawRequest, request);
    const partnership = await partnershipOf(params.slug);
    const entered = enteredWithdrawal(body);
    const sent = await attempt(['validation_failed'], () => requestWithdrawal(db, { partnershipId: partnership.id, ...entered }));
    if (sent.ok) return reply.redirect(`${withdrawPath(partnership.slug)}/sent`, 303);
    const shown = { reference: entered.reference.slice(0, 100), note: entered.note.slice(0, 1000) };
    return reply.status(422).view('dataProtection/views/withdraw.njk', withdrawFormPage(partnership, shown, sent.error.fields));
  });

  app.get('/p/:slug/withdraw/sent', async (request, reply) => {
    const partnership = await partnershipOf(parseRequest(publicWithdrawPageRequest, request).params.slug);
    return reply.view('dataProtection/views/withdraw-sent.njk', withdrawSentPage(partnership));
  });

  const file = (name: string, build: typeof openDataCsv) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { params } = parseRequest(publicFileRequest, request);
    const partnership = await partnershipOf(params.slug);
    const consultation = await loadConsultation(db, params.cslug, partnership.id);
    if (consultation?.status !== 'published') throw notFound('Consultation');
    const csv = await build(db, partnership, consultation);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${consultation.slug}-${name}.csv"`).send(csv);
  };
  app.get('/p/:slug/:cslug/open-data.csv', file('open-data', openDataCsv));
  app.get('/p/:slug/:cslug/open-data-dictionary.csv', file('open-data-dictionary', openDataDictionaryCsv));
}
