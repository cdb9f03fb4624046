/** The Strategic Assessment's staff pages (docs/assessment.md): the assessment, its PDF, and the matrix scores form. */
import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { PdfUnavailable, renderPdf } from '../platform/pdf.js';
import { REPOSITORY_ROOT, SOURCE_ROOT } from '../platform/repositoryPaths.js';
import { errorSummaryItems, messagesByField, parseRequest } from '../platform/validation.js';
import { assessmentView } from './assessmentView.js';
import { ISSUES } from './issues.js';
import { loadAssessment } from './loadAssessment.js';
import { assessmentRequest, mapRequest, matrixRequest } from './schema.js';
import { setMatrixScores } from './setMatrixScores.js';

const PAGE = 'assessment/views/assessment.njk';
const MATRIX = 'assessment/views/matrix.njk';

const CLIENT = path.join(SOURCE_ROOT, 'assessment/client');
const LEAFLET = path.join(REPOSITORY_ROOT, 'node_modules/leaflet/dist');

export async function assessmentRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  // The interactive map's script and Leaflet itself, from this server ('self' in the CSP); no tile server.
  await app.register(fastifyStatic, { root: CLIENT, prefix: '/assessment-client/', decorateReply: false, maxAge: '1h' });
  await app.register(fastifyStatic, { root: LEAFLET, prefix: '/vendor/leaflet/', decorateReply: false, maxAge: '1d' });
  const runner = services.analysis;

  async function assessmentOf(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'crime:view', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    const page = assessmentView(await loadAssessment({ db, runner, partnership, user: principal }));
    return { ...page, canEdit: can(principal, 'assessment:edit', id), base: `/staff/partnerships/${id}/assessment` };
  }

  app.get('/staff/partnerships/:id/assessment', async (request, reply) => {
    const { params, query } = parseRequest(assessmentRequest, request);
    return reply.view(PAGE, { ...(await assessmentOf(request.user, params.id)), saved: query.saved === '1' });
  });

  app.get('/staff/partnerships/:id/assessment.pdf', async (request, reply) => {
    const { params } = parseRequest(assessmentRequest, request);
    const page = await assessmentOf(request.user, params.id);
    const css = await fs.readFile(path.join(REPOSITORY_ROOT, 'public/build/app.css'), 'utf8');
    const html = await app.views.render('assessment/views/assessment-document.njk', { ...page, css });
    try {
      const pdf = await renderPdf(html, { chromiumPath: services.config.chromiumPath, footer: page.title });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${page.partnership.slug}-strategic-assessment.pdf"`)
        .send(pdf);
    } catch (err) {
      if (!(err instanceof PdfUnavailable)) throw err;
      request.log.warn({ err }, 'strategic assessment PDF unavailable');
      return reply.status(503).view(PAGE, { ...page, pdfProblem: `${err.message} The page below prints as it is: use your browser’s Print.` });
    }
  });

  app.get('/staff/partnerships/:id/assessment/map.json', async (request) => {
    const { params, query } = parseRequest(mapRequest, request);
    return (await assessmentOf(request.user, params.id)).geojson(query.level);
  });

  async function matrixOf(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'assessment:edit', id);
    return { principal, page: await assessmentOf(principal, id) };
  }

  app.get('/staff/partnerships/:id/assessment/matrix', async (request, reply) => {
    const { params } = parseRequest(assessmentRequest, request);
    const { page } = await matrixOf(request.user, params.id);
    return reply.view(MATRIX, { ...page, values: valuesOf(page.matrix), errors: [], fieldErrors: {} });
  });

  app.post('/staff/partnerships/:id/assessment/matrix', async (request, reply) => {
    const { params, body } = parseRequest(matrixRequest, request);
    const { principal, page } = await matrixOf(request.user, params.id);
    const scores = ISSUES.map((i) => ({
      issue: i.code,
      harm: body[`harm-${i.code}`] as number | null,
      likelihood: body[`likelihood-${i.code}`] as number | null,
      capacity: body[`capacity-${i.code}`] as number | null,
      rationale: String(body[`rationale-${i.code}`] ?? '').trim(),
    }));
    const saved = await attempt(['validation_failed'], () => setMatrixScores({ db, actor: actorOf(principal), partnershipId: params.id, scores }));
    if (saved.ok) return reply.redirect(`/staff/partnerships/${params.id}/assessment?saved=1#matrix`, 303);
    const values = Object.fromEntries(
      scores.flatMap((s) => [
        [`harm-${s.issue}`, s.harm ?? ''],
        [`likelihood-${s.issue}`, s.likelihood ?? ''],
        [`capacity-${s.issue}`, s.capacity ?? ''],
        [`rationale-${s.issue}`, s.rationale],
      ]),
    );
    return reply
      .status(422)
      .view(MATRIX, { ...page, values, errors: errorSummaryItems(saved.error.fields), fieldErrors: messagesByField(saved.error.fields) });
  });
}

/** The form's values: what officers set, blank where the evidence fills the score. */
function valuesOf(matrix: ReturnType<typeof assessmentView>['matrix']) {
  return Object.fromEntries(
    matrix.flatMap((m) => [
      [`harm-${m.code}`, m.harm.set ? m.harm.value : ''],
      [`likelihood-${m.code}`, m.likelihood.set ? m.likelihood.value : ''],
      [`capacity-${m.code}`, m.capacity.set ? m.capacity.value : ''],
      [`rationale-${m.code}`, m.rationale],
    ]),
  );
}
