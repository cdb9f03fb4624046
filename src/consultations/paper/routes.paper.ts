/** The printable paper questionnaire of any survey: an HTML page with a print stylesheet, and the same as a PDF. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { notFound } from '../../platform/errors.js';
import { PdfUnavailable, renderPdf } from '../../platform/pdf.js';
import { REPOSITORY_ROOT } from '../../platform/repositoryPaths.js';
import { parseRequest } from '../../platform/validation.js';
import { loadStatement } from '../../statements/index.js';
import { consultationRequest } from '../schema.js';
import { staffConsultation } from '../staff/staffConsultation.js';
import { paperDocument, paperPage } from './paperPage.js';

const PAGE = 'consultations/views/staff-paper.njk';

export async function paperRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;

  async function paperOf(user: Parameters<typeof staffConsultation>[1], id: string) {
    const { consultation, partnership } = await staffConsultation(db, user, id, 'consultation:view');
    const runtime = await runtimes.get(id);
    if (!runtime) throw notFound('Consultation');
    const { statement: privacy } = await loadStatement(db, partnership, 'privacy');
    return { consultation, partnership, definition: runtime.definition, wards: runtime.wards, privacy, origin: services.config.publicUrl };
  }

  app.get('/staff/consultations/:id/paper', async (request, reply) => {
    const { id } = parseRequest(consultationRequest, request).params;
    return reply.view(PAGE, paperPage(await paperOf(request.user, id)));
  });

  app.get('/staff/consultations/:id/paper.pdf', async (request, reply) => {
    const { id } = parseRequest(consultationRequest, request).params;
    const options = await paperOf(request.user, id);
    const page = paperPage(options);
    const css = await fs.readFile(path.join(REPOSITORY_ROOT, 'public/build/app.css'), 'utf8');
    const html = await app.views.render('consultations/views/paper-document.njk', paperDocument(page, css));
    try {
      const pdf = await renderPdf(html, { chromiumPath: services.config.chromiumPath, footer: page.surveyTitle });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${options.consultation.slug}-paper-questionnaire.pdf"`)
        .send(pdf);
    } catch (err) {
      if (!(err instanceof PdfUnavailable)) throw err;
      request.log.warn({ err }, 'paper questionnaire PDF unavailable');
      return reply
        .status(503)
        .view(PAGE, paperPage({ ...options, pdfProblem: `${err.message} The printable page below works without it: use your browser’s Print.` }));
    }
  });
}
