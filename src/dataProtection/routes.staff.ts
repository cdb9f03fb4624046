/** The staff side of data protection: a consultation's page (open data, withdrawal requests, retention), subject access. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Action, actorOf, authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { loadConsultation } from '../consultations/index.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, conflict, notFound, validationFailed } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { hasOpenData, openDataCsv, openDataDictionaryCsv } from './openData.js';
import { peopleOfPartnership } from './queries/peopleOfPartnership.js';
import { retentionSetting } from './queries/retentionCandidates.js';
import { withdrawalRequests } from './queries/withdrawalRequests.js';
import { DEFAULT_RETENTION_MONTHS, MAX_RETENTION_MONTHS, retentionDueAt, setRetention } from './retention.js';
import {
  consultationFileRequest,
  consultationRequest,
  decisionRequest,
  retentionRequest,
  subjectExportRequest,
  subjectSearchRequest,
} from './schema.js';
import { exportSubjectAccess } from './subjectAccess.js';
import { consultationDataPage, dataProtectionPath, subjectAccessPage } from './viewModels.js';
import { decideWithdrawal } from './withdrawals.js';

const PAGE = 'dataProtection/views/consultation.njk';

export async function dataProtectionStaffRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  async function consultationFor(user: Principal | undefined, id: string, action: Action) {
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    const principal = authorize(user, action, consultation.partnershipId);
    const partnership = await findPartnership(db, consultation.partnershipId);
    if (!partnership) throw notFound('Partnership');
    return { consultation, partnership, principal };
  }

  async function page(user: Principal | undefined, id: string) {
    const { consultation, partnership, principal } = await consultationFor(user, id, 'data:open-export');
    const setting = await retentionSetting(db, partnership.id, consultation.id);
    const months = setting?.months ?? DEFAULT_RETENTION_MONTHS;
    const ended = consultation.status !== 'draft' && consultation.status !== 'scheduled' && consultation.status !== 'open';
    return {
      partnership,
      consultation,
      openData: hasOpenData(consultation),
      requests: await withdrawalRequests(db, partnership.id, consultation.id),
      mayDecide: can(principal, 'responses:enter', partnership.id),
      mayEditRetention: can(principal, 'data:retention', partnership.id),
      retention: {
        months: String(months),
        isDefault: !setting,
        dueAt: ended ? retentionDueAt(consultation.endsAt, months) : null,
        appliedAt: setting?.applied_at ?? null,
      },
    };
  }

  app.get('/staff/consultations/:id/data-protection', async (request, reply) => {
    const { params, query } = parseRequest(consultationRequest, request);
    return reply.view(PAGE, consultationDataPage({ ...(await page(request.user, params.id)), done: query.done }));
  });

  app.post('/staff/consultations/:id/retention', async (request, reply) => {
    const { params, body } = parseRequest(retentionRequest, request);
    const { consultation, partnership, principal } = await consultationFor(request.user, params.id, 'data:retention');
    const typed = body.months.trim();
    const saved = await attempt(['validation_failed'], async () => {
      if (!/^\d{1,3}$/.test(typed))
        throw validationFailed([{ field: 'months', message: `Enter the number of months as a whole number from 1 to ${MAX_RETENTION_MONTHS}` }]);
      await setRetention(db, { actor: actorOf(principal), partnershipId: partnership.id, consultationId: consultation.id, months: Number(typed) });
    });
    if (saved.ok) return reply.redirect(`${dataProtectionPath(consultation.id)}?done=retention`, 303);
    const current = await page(request.user, params.id);
    return reply
      .status(422)
      .view(PAGE, consultationDataPage({ ...current, retention: { ...current.retention, months: typed.slice(0, 20) }, fields: saved.error.fields }));
  });

  app.post('/staff/consultations/:id/withdrawal-requests/:requestId', async (request, reply) => {
    const { params, body } = parseRequest(decisionRequest, request);
    const { consultation, partnership, principal } = await consultationFor(request.user, params.id, 'responses:enter');
    await decideWithdrawal({
      db,
      actor: actorOf(principal),
      partnershipId: partnership.id,
      consultationId: consultation.id,
      requestId: params.requestId,
      decision: body.decision,
    });
    return reply.redirect(`${dataProtectionPath(consultation.id)}?done=${body.decision}`, 303);
  });

  const file = (name: string, build: typeof openDataCsv) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { params } = parseRequest(consultationFileRequest, request);
    const { consultation, partnership } = await consultationFor(request.user, params.id, 'data:open-export');
    if (!hasOpenData(consultation)) throw conflict('Open data can be downloaded once the consultation has closed');
    const csv = await build(db, partnership, consultation);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${consultation.slug}-${name}.csv"`).send(csv);
  };
  app.get('/staff/consultations/:id/open-data.csv', file('open-data', openDataCsv));
  app.get('/staff/consultations/:id/open-data-dictionary.csv', file('open-data-dictionary', openDataDictionaryCsv));

  async function partnershipFor(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'data:subject-access', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }

  app.get('/staff/partnerships/:id/subject-access', async (request, reply) => {
    const { params, query } = parseRequest(subjectSearchRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id);
    const q = (query.q ?? '').trim();
    if (query.q === undefined) return reply.view('dataProtection/views/subject-access.njk', subjectAccessPage(partnership, '', null));
    if (q.length < 2)
      return reply
        .status(422)
        .view(
          'dataProtection/views/subject-access.njk',
          subjectAccessPage(partnership, q, null, [{ field: 'q', message: 'Enter at least 2 characters of a name or email address' }]),
        );
    return reply.view('dataProtection/views/subject-access.njk', subjectAccessPage(partnership, q, await peopleOfPartnership(db, partnership.id, q)));
  });

  app.get('/staff/partnerships/:id/subject-access/export.json', async (request, reply) => {
    const { params, query } = parseRequest(subjectExportRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id);
    const records = await exportSubjectAccess(db, { actor: actorOf(principal), partnership, email: query.email });
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="subject-access.json"')
      .send(JSON.stringify(records, null, 2));
  });
}
