/** Analysis routes: the JSON API, the staff dashboard and its downloads. Thin: parse -> policy -> analyse -> view/JSON. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { renderPng } from '../charts/renderPng.js';
import { loadConsultation } from '../consultations/index.js';
import { freshnessOf } from '../db/freshness.js';
import { findPartnership } from '../partnerships/index.js';
import { forbidden, notFound, validationFailed } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import type { AnalysisJob } from './analysisJob.js';
import { crossTabResult } from './crossTabResult.js';
import { chartContext, chartForCode, crossTabModel } from './dashboardModel.js';
import { crossTabDownload, type Download, type DownloadSource, questionDownload, toCsv, toXlsx } from './downloads.js';
import { freshnessText } from './freshnessText.js';
import { marginsText } from './marginsText.js';
import { populationOfWards } from './populationOfWards.js';
import { savedMargins } from './queries/savedMargins.js';
import { type AnalysisQuery, analysisRequest, crossTabRequest, filtersOf, questionAnalysisRequest } from './schema.js';
import { appliedSuppression } from './suppression.js';

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

  const runner = services.analysis;

  /** The job a request asks for: its filters, the suppression threshold it gets, weights, a cross-tab, the dashboard's extras. */
  async function analyse(
    user: Principal | undefined,
    id: string,
    query: AnalysisQuery,
    extras: Partial<Pick<AnalysisJob, 'softWeights' | 'crossTab'>> & { dashboard?: boolean } = {},
  ) {
    const consultation = await resultsFor(user, id);
    const partnership = await findPartnership(db, consultation.partnershipId);
    if (!partnership) throw notFound('Partnership');
    const suppressBelow = appliedSuppression({
      requested: query.suppressBelow,
      minimum: partnership.suppressionMinimum,
      mayLower: can(user, 'results:lower-suppression', consultation.partnershipId),
    });
    const filters = filtersOf(query);
    // No margins in the request: the partnership's saved margins (else its wards' populations) fill the dashboard's box,
    // and weighted=on alone weights to the saved ones.
    const defaultMargins =
      extras.dashboard || (query.weighted && query.margins === undefined)
        ? marginsText(await savedMargins(db, partnership.id), await populationOfWards(db, partnership.id))
        : null;
    if (query.weighted && query.margins === undefined && defaultMargins?.source !== 'saved' && !extras.dashboard)
      throw validationFailed([{ field: 'margins', message: 'Give the margins to weight to, or save margins for the partnership first' }]);
    const outcome = await runner.run({
      consultation,
      filters,
      suppressBelow,
      marginsCsv: query.weighted ? (query.margins ?? (defaultMargins?.source === 'saved' ? defaultMargins.text : null)) : null,
      softWeights: extras.softWeights ?? false,
      crossTab: extras.crossTab ?? null,
      dashboard: extras.dashboard && defaultMargins ? { query, partnership, defaultMargins } : null,
    });
    if (!outcome.ok) throw validationFailed([outcome.problem]);
    return { ...outcome, consultation, partnership, query, filters };
  }

  const crossTabOf = (query: AnalysisQuery) => (query.xq && query.by ? { question: query.xq, breakdown: query.by } : null);

  app.get('/api/v1/consultations/:id/analysis', async (request) => {
    const { params, query } = parseRequest(analysisRequest, request);
    const [a, freshness] = await Promise.all([analyse(request.user, params.id, query), freshnessOf(services.readHandle, services.handle)]);
    return { ...a.result, freshness };
  });

  app.get('/staff/consultations/:id/analysis', async (request, reply) => {
    const { params, query } = parseRequest(analysisRequest, request);
    const [a, freshness] = await Promise.all([
      analyse(request.user, params.id, query, { softWeights: true, crossTab: crossTabOf(query), dashboard: true }),
      freshnessOf(services.readHandle, services.handle),
    ]);
    const view = a.dashboard;
    if (!view) throw new Error('the dashboard job came back without the page');
    return reply.view('analysis/views/dashboard.njk', { ...view, freshness: freshnessText(freshness) });
  });

  /** The cross-tab a request asks for, or the 422 saying why the survey cannot give it. */
  async function crossTabFor(user: Principal | undefined, id: string, query: AnalysisQuery) {
    const crossTab = crossTabOf(query);
    const a = await analyse(user, id, query, { crossTab });
    if (!crossTab) throw validationFailed([{ field: 'xq', message: 'Choose a question and a breakdown' }]);
    if (a.crossTabError) throw validationFailed([a.crossTabError]);
    if (!a.crossTab) throw new Error('the cross-tab job came back without the cross-tab');
    return { ...a, crossTab: a.crossTab };
  }

  app.get('/api/v1/consultations/:id/crosstab', async (request) => {
    const { params, query } = parseRequest(crossTabRequest, request);
    const a = await crossTabFor(request.user, params.id, query);
    return crossTabResult(a.crossTab, { weighted: a.result.weighted, filters: a.filters, rules: a.result.rules });
  });

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  async function sendDownload(reply: FastifyReply, download: Download, format: 'csv' | 'xlsx') {
    reply.header('content-disposition', `attachment; filename="${download.name}.${format}"`);
    return format === 'csv' ? reply.type('text/csv; charset=utf-8').send(toCsv(download)) : reply.type(XLSX).send(await toXlsx(download));
  }
  const sourceOf = (a: Awaited<ReturnType<typeof analyse>>): DownloadSource => ({
    consultation: a.consultation,
    partnershipName: a.partnership.name,
    result: a.result,
    at: new Date(),
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/staff/consultations/:id/analysis/questions/:code/table.${format}`, async (request, reply) => {
      const { params, query } = parseRequest(questionAnalysisRequest, request);
      const { code } = params;
      const a = await analyse(request.user, params.id, query);
      const q = a.result.questions.find((x) => x.code === code);
      if (!q) throw notFound('Question');
      return sendDownload(reply, questionDownload(q, sourceOf(a)), format);
    });

    app.get(`/staff/consultations/:id/analysis/crosstab.${format}`, async (request, reply) => {
      const { params, query } = parseRequest(analysisRequest, request);
      const a = await crossTabFor(request.user, params.id, query);
      const model = crossTabModel(a.crossTab);
      const testText = model.testText
        ? `${model.testText}: ${model.significant ? 'the answers differ between groups by more than chance would explain' : 'no statistically significant difference between groups'}.`
        : null;
      return sendDownload(reply, crossTabDownload(a.crossTab, sourceOf(a), testText), format);
    });
  }

  // A question's chart, or a rating grid's combined chart (by the grid's code), as SVG or PNG (charts/renderPng.ts).
  for (const format of ['svg', 'png'] as const) {
    app.get(`/staff/consultations/:id/analysis/questions/:code/chart.${format}`, async (request, reply) => {
      const { params, query } = parseRequest(questionAnalysisRequest, request);
      const { code } = params;
      const a = await analyse(request.user, params.id, query);
      const svg = chartForCode(a.result, code, chartContext({ ...a, result: a.result }));
      if (!svg) throw notFound('Chart');
      reply.header('content-disposition', `attachment; filename="${code}.${format}"`);
      return format === 'svg'
        ? reply.type('image/svg+xml').send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`)
        : reply.type('image/png').send(renderPng(svg));
    });
  }
}
