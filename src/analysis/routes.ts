/** Analysis routes: the JSON API, the staff dashboard and its downloads. Thin: parse -> policy -> analyse -> view/JSON. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { loadConsultation } from '../consultations/index.js';
import { findPartnership } from '../partnerships/index.js';
import { forbidden, notFound, validationFailed } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { analysisContext } from './analyseConsultation.js';
import { analyseStoredConsultation } from './analyseStoredConsultation.js';
import { AnalysisInputError, rethrowAsValidationFailure } from './analysisInputError.js';
import { crossTab } from './crossTab.js';
import { chartFor } from './dashboardModel.js';
import { dashboardView } from './dashboardView.js';
import { type AnalysisQuery, analysisRequest, filtersOf, questionAnalysisRequest } from './schema.js';
import { appliedSuppression } from './suppression.js';
import { crossTabRows, questionRows, toCsv, toXlsx } from './tableCsv.js';

export async function analysisRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  /** Analysts and admins always; other staff per the consultation's results visibility. */
  async function resultsFor(user: Principal | undefined, id: string) {
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    const principal = authorize(user, 'consultation:view', consultation.partnershipId);
    if (!can(principal, 'results:view', consultation)) throw forbidden('The results of this consultation are not available to you yet');
    return consultation;
  }

  /** softWeights: a margins problem is reported beside unweighted results (the dashboard) instead of failing (the API). */
  async function analyse(user: Principal | undefined, id: string, query: AnalysisQuery, softWeights = false) {
    const consultation = await resultsFor(user, id);
    const partnership = await findPartnership(db, consultation.partnershipId);
    if (!partnership) throw notFound('Partnership');
    const filters = filtersOf(query);
    const suppressBelow = appliedSuppression({
      requested: query.suppressBelow,
      minimum: partnership.suppressionMinimum,
      mayLower: can(user, 'results:lower-suppression', consultation.partnershipId),
    });
    const analysis = { filters, rules: { suppressBelow } };
    const marginsCsv = query.weighted ? (query.margins ?? null) : null;
    try {
      let outcome = await analyseStoredConsultation({ handle: services.handle, consultation, marginsCsv, analysis });
      let weightingError: string | null = null;
      if (!outcome.ok && softWeights) {
        weightingError = outcome.error.message;
        outcome = await analyseStoredConsultation({ handle: services.handle, consultation, analysis });
      }
      if (!outcome.ok) throw validationFailed([{ field: 'margins', message: `${outcome.error.message} No weights were applied.` }]);
      return { consultation, partnership, query, filters, weightingError, ...outcome.analysis };
    } catch (err) {
      rethrowAsValidationFailure(err);
    }
  }

  app.get('/api/v1/consultations/:id/analysis', async (request) => {
    const { params, query } = parseRequest(analysisRequest, request);
    return (await analyse(request.user, params.id, query)).result;
  });

  app.get('/staff/consultations/:id/analysis', async (request, reply) => {
    const { params, query } = parseRequest(analysisRequest, request);
    const a = await analyse(request.user, params.id, query, true);
    let xtab = null;
    let xtabError: string | null = null;
    if (a.query.xq && a.query.by) {
      try {
        xtab = crossTab(
          analysisContext(a.table, { filters: a.filters, rules: a.result.rules, weights: a.weights, template: a.consultation.template }),
          a.query.xq,
          a.query.by,
        );
      } catch (err) {
        if (!(err instanceof AnalysisInputError)) throw err;
        xtabError = err.message;
      }
    }
    return reply.view('analysis/views/dashboard.njk', dashboardView({ ...a, xtab, xtabError }));
  });

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  async function sendTable(reply: FastifyReply, rows: unknown[][], name: string, format: 'csv' | 'xlsx') {
    reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
    return format === 'csv' ? reply.type('text/csv; charset=utf-8').send(toCsv(rows)) : reply.type(XLSX).send(await toXlsx(rows, name));
  }

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/staff/consultations/:id/analysis/questions/:code/table.${format}`, async (request, reply) => {
      const { params, query } = parseRequest(questionAnalysisRequest, request);
      const { code } = params;
      const a = await analyse(request.user, params.id, query);
      const q = a.result.questions.find((x) => x.code === code);
      if (!q) throw notFound('Question');
      return sendTable(reply, questionRows(q, a.result.weighted), code, format);
    });

    app.get(`/staff/consultations/:id/analysis/crosstab.${format}`, async (request, reply) => {
      const { params, query } = parseRequest(analysisRequest, request);
      const a = await analyse(request.user, params.id, query);
      if (!a.query.xq || !a.query.by) throw validationFailed([{ field: 'xq', message: 'Choose a question and a breakdown' }]);
      try {
        const t = crossTab(
          analysisContext(a.table, { filters: a.filters, rules: a.result.rules, weights: a.weights, template: a.consultation.template }),
          a.query.xq,
          a.query.by,
        );
        return sendTable(reply, crossTabRows(t), `${a.query.xq}-by-${a.query.by}`, format);
      } catch (err) {
        rethrowAsValidationFailure(err);
      }
    });
  }

  app.get('/staff/consultations/:id/analysis/questions/:code/chart.svg', async (request, reply) => {
    const { params, query } = parseRequest(questionAnalysisRequest, request);
    const { code } = params;
    const a = await analyse(request.user, params.id, query);
    const q = a.result.questions.find((x) => x.code === code);
    const svg = q ? chartFor(q, false, a.result.weighted) : null;
    if (!svg) throw notFound('Chart');
    return reply
      .type('image/svg+xml')
      .header('content-disposition', `attachment; filename="${code}.svg"`)
      .send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
  });
}
