/** The staff's reports pages (docs/reports.md): make a report in the background, follow it, download it; the committee note's wording. */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { listConsultations, loadConsultation } from '../consultations/index.js';
import { findPartnership } from '../partnerships/index.js';
import { listPlans } from '../plan/index.js';
import { notFound } from '../platform/errors.js';
import { firstValue, formBody, parseRequest } from '../platform/validation.js';
import { COMMITTEE_SECTIONS, committeeReportKey, defaultCommitteeText } from './committee/committeeNarrative.js';
import { loadNarratives, NARRATIVE_MAX, saveNarratives } from './narratives.js';
import { findReportRun, listReportRuns, reportRunFile } from './queries/reportRuns.js';
import { REPORT_CONTENT_TYPES, type ReportFormat } from './render/renderReport.js';
import { queueReportRun } from './runs/queueReportRun.js';
import { narrativeRequest, reportsRequest, runForm, runRequest } from './schema.js';
import { narrativePage, reportsPage, runPage } from './viewModels.js';

export async function reportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  async function partnershipFor(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'reports:generate', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }
  const listPage = async (partnershipId: string) => {
    const [consultations, plans, runs] = await Promise.all([
      listConsultations(db, partnershipId),
      listPlans(db, partnershipId),
      listReportRuns(db, partnershipId),
    ]);
    return { consultations, plans, runs };
  };

  app.get('/staff/partnerships/:id/reports', async (request, reply) => {
    const { params } = parseRequest(reportsRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id);
    return reply.view('reports/views/reports.njk', reportsPage({ partnership, ...(await listPage(partnership.id)) }));
  });

  app.post('/staff/partnerships/:id/reports/runs', async (request, reply) => {
    const { params } = parseRequest(reportsRequest, request);
    const { principal, partnership } = await partnershipFor(request.user, params.id);
    const body = formBody.safeParse(request.body ?? {});
    const raw = body.success ? Object.fromEntries(Object.entries(body.data).map(([k, v]) => [k, firstValue(v)])) : {};
    const parsed = runForm.safeParse(raw);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'kind'), message: i.message }));
      return reply
        .status(422)
        .view('reports/views/reports.njk', reportsPage({ partnership, ...(await listPage(partnership.id)), errors, values: raw }));
    }
    const f = parsed.data;
    const run = await queueReportRun({
      db,
      partnershipId: partnership.id,
      actor: actorOf(principal),
      request: { kind: f.kind, consultationId: f.consultation || undefined, planId: f.plan || undefined },
      format: f.format,
    });
    services.jobs.wake();
    return reply.redirect(`/staff/partnerships/${partnership.id}/reports/runs/${run.id}`, 303);
  });

  app.get('/staff/partnerships/:id/reports/runs/:runId', async (request, reply) => {
    const { params } = parseRequest(runRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id);
    const run = await findReportRun(db, partnership.id, params.runId);
    if (!run) throw notFound('Report');
    return reply.view('reports/views/run.njk', runPage(partnership, run));
  });

  app.get('/staff/partnerships/:id/reports/runs/:runId/file', async (request, reply) => {
    const { params } = parseRequest(runRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id);
    const run = await findReportRun(db, partnership.id, params.runId);
    const file = run && (await reportRunFile(db, partnership.id, run.id));
    if (!run || !file) throw notFound('Report');
    // A downloaded HTML report is opened as a file, never run as a page of this site.
    if (run.format === 'html') reply.header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    return reply
      .header('content-type', REPORT_CONTENT_TYPES[run.format as ReportFormat] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${run.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file);
  });

  async function narrativeOf(user: Principal | undefined, id: string, consultationId: string) {
    const found = await partnershipFor(user, id);
    const consultation = await loadConsultation(db, consultationId, found.partnership.id);
    if (!consultation) throw notFound('Consultation');
    return { ...found, consultation };
  }

  app.get('/staff/partnerships/:id/reports/committee/:consultationId/narrative', async (request, reply) => {
    const { params, query } = parseRequest(narrativeRequest, request);
    const { partnership, consultation } = await narrativeOf(request.user, params.id, params.consultationId);
    const saved = await loadNarratives(db, partnership.id, committeeReportKey(consultation.id));
    const now = new Date();
    const texts = Object.fromEntries(
      COMMITTEE_SECTIONS.map((s) => [s, saved.get(s) ?? defaultCommitteeText(s, consultation, partnership.name, now)]),
    );
    return reply.view('reports/views/narrative.njk', narrativePage({ partnership, consultation, texts, saved: query?.saved === '1' }));
  });

  app.post('/staff/partnerships/:id/reports/committee/:consultationId/narrative', async (request, reply) => {
    const { params } = parseRequest(narrativeRequest, request);
    const { principal, partnership, consultation } = await narrativeOf(request.user, params.id, params.consultationId);
    const body = formBody.safeParse(request.body ?? {});
    const texts = Object.fromEntries(COMMITTEE_SECTIONS.map((s) => [s, body.success ? firstValue(body.data[s]).replace(/\r\n/g, '\n') : '']));
    const errors = COMMITTEE_SECTIONS.filter((s) => (texts[s]?.length ?? 0) > NARRATIVE_MAX).map((s) => ({
      field: s,
      message: `Keep this section to ${NARRATIVE_MAX.toLocaleString('en-GB')} characters`,
    }));
    if (errors.length)
      return reply.status(422).view('reports/views/narrative.njk', narrativePage({ partnership, consultation, texts, saved: false, errors }));
    // A section left as the suggested wording is not stored, so it follows the data (dates, names) next time.
    const now = new Date();
    const sections = Object.fromEntries(
      COMMITTEE_SECTIONS.map((s) => [s, texts[s] === defaultCommitteeText(s, consultation, partnership.name, now) ? '' : (texts[s] ?? '')]),
    );
    await saveNarratives({ db, actor: actorOf(principal), partnershipId: partnership.id, reportKey: committeeReportKey(consultation.id), sections });
    return reply.redirect(`/staff/partnerships/${partnership.id}/reports/committee/${consultation.id}/narrative?saved=1`, 303);
  });
}
