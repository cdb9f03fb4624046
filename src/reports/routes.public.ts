/**
 * What the public sees (docs/reports.md): a published consultation's results with "you said, we did" (printable,
 * no JavaScript needed), as a downloadable PDF or Word summary too, and the plan's delivery progress. Documents are
 * remembered for a few minutes, so a busy page does not start a browser per visitor.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../app/services.js';
import { loadConsultation } from '../consultations/index.js';
import { findPartnership, type Partnership } from '../partnerships/index.js';
import { notFound } from '../platform/errors.js';
import { TtlCache } from '../platform/ttlCache.js';
import { parseRequest } from '../platform/validation.js';
import type { ReportDocument } from './document/reportDocument.js';
import { publicPlanPage } from './publicPlan.js';
import { renderHtmlBody } from './render/renderHtml.js';
import { renderReport } from './render/renderReport.js';
import { currentPlanOf } from './sources/currentPlan.js';
import { buildYouSaidWeDid } from './youSaid/buildYouSaidWeDid.js';

const REMEMBER_MS = 5 * 60_000;
const slug = z.string().max(200);
const resultsRequest = z.object({ params: z.object({ slug, cslug: slug }) });
const downloadRequest = z.object({ params: z.object({ slug, cslug: slug, format: z.enum(['pdf', 'docx']) }) });
const planRequest = z.object({ params: z.object({ slug }) });

export async function publicReportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  const runner = services.analysis;
  const documents = new TtlCache<ReportDocument>(REMEMBER_MS, 200);
  const files = new TtlCache<Buffer>(REMEMBER_MS, 50);

  async function publishedResults(params: { slug: string; cslug: string }) {
    const partnership = await findPartnership(db, params.slug);
    const consultation = partnership && (await loadConsultation(db, params.cslug, partnership.id));
    if (!partnership || !consultation || consultation.status !== 'published') throw notFound('Results');
    const doc = await documents.get(`${consultation.id}`, async () => {
      const plan = await currentPlanOf(db, partnership.id);
      return buildYouSaidWeDid(
        { handle: services.handle, runner, partnership, user: undefined },
        consultation,
        plan?.content.consultationId === consultation.id ? plan : undefined,
      );
    });
    return { partnership, consultation, doc };
  }

  app.get('/p/:slug/:cslug/results', async (request, reply) => {
    const { params } = parseRequest(resultsRequest, request);
    const { partnership, consultation, doc } = await publishedResults(params);
    const base = `/p/${partnership.slug}/${consultation.slug}`;
    return reply.view('reports/views/public-results.njk', {
      title: doc.title,
      partnership,
      consultation,
      body: renderHtmlBody(doc),
      pdfHref: `${base}/results.pdf`,
      docxHref: `${base}/results.docx`,
      backHref: base,
      planHref: `/p/${partnership.slug}/plan`,
    });
  });

  app.get('/p/:slug/:cslug/results.:format', async (request, reply) => {
    const { params } = parseRequest(downloadRequest, request);
    const { consultation, doc } = await publishedResults(params);
    const body = await files.get(
      `${consultation.id}:${params.format}`,
      async () => (await renderReport(doc, params.format, { chromiumPath: services.config.chromiumPath })).body,
    );
    const rendered = params.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return reply
      .header('content-type', rendered)
      .header('content-disposition', `attachment; filename="${consultation.slug}-results.${params.format}"`)
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });

  app.get('/p/:slug/plan', async (request, reply) => {
    const { params } = parseRequest(planRequest, request);
    const partnership: Partnership | undefined = await findPartnership(db, params.slug);
    if (!partnership) throw notFound('Partnership');
    const page = await publicPlanPage(db, partnership);
    if (!page) throw notFound('Plan');
    return reply.view('reports/views/public-plan.njk', page);
  });
}
