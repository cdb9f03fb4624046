/** Every response as CSV or XLSX, the blank import file, and importing a CSV or XLSX upload (all or nothing). */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { listWards } from '../../partnerships/index.js';
import { notFound } from '../../platform/errors.js';
import type { TableRow } from '../../platform/pageContexts.js';
import { parseRequest } from '../../platform/validation.js';
import {
  DuplicateImport,
  exportResponses,
  ImportRejected,
  importHeader,
  importUploadedFile,
  TableFormatError,
  writeImportTemplate,
} from '../../responses/index.js';
import { loadSurveyDefinition } from '../queries/loadConsultation.js';
import { consultationRequest, exportQuery, importedQuery, importFields } from '../schema.js';
import { importView } from './pages.js';
import { staffConsultation } from './staffConsultation.js';

const VIEW = 'consultations/views/staff-import.njk';
const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

export async function importExportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;
  await app.register(multipart, { limits: { fileSize: services.config.uploadLimitBytes, files: 1, fields: 5 } });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/staff/consultations/:id/export.${format}`, async (request, reply) => {
      const { params, query } = parseRequest(exportQuery, request);
      const { id } = params;
      const { consultation, principal } = await staffConsultation(db, request.user, id, 'responses:read');
      const definition = await loadSurveyDefinition(db, consultation, consultation.surveyVersion);
      const labels = query.labels === 'yes';
      const wards = labels ? await listWards(db, consultation.partnershipId) : [];
      const name = `${consultation.slug}-responses${labels ? '-labelled' : ''}.${format}`;
      reply.type(TYPES[format]).header('content-disposition', `attachment; filename="${name}"`);
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      const source = {
        db,
        partnershipId: consultation.partnershipId,
        consultationId: id,
        definition,
        labels,
        wards,
        actor: actorOf(principal),
        format,
      };
      await exportResponses(source, reply.raw);
      return reply;
    });
  }

  app.get('/staff/consultations/:id/import/template.csv', async (request, reply) => {
    const { id } = parseRequest(consultationRequest, request).params;
    const { consultation } = await staffConsultation(db, request.user, id, 'responses:enter');
    const header = importHeader(await loadSurveyDefinition(db, consultation, consultation.surveyVersion));
    return reply
      .type(TYPES.csv)
      .header('content-disposition', `attachment; filename="${consultation.slug}-import.csv"`)
      .send(`${header.join(',')}\n`);
  });

  app.get('/staff/consultations/:id/import/template.xlsx', async (request, reply) => {
    const { id } = parseRequest(consultationRequest, request).params;
    const { consultation } = await staffConsultation(db, request.user, id, 'responses:enter');
    const runtime = await runtimes.get(consultation.id);
    if (!runtime) throw notFound('Consultation');
    reply.type(TYPES.xlsx).header('content-disposition', `attachment; filename="${consultation.slug}-import.xlsx"`);
    reply.hijack();
    reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
    await writeImportTemplate(runtime.definition, runtime.wards, reply.raw);
    return reply;
  });

  app.get('/staff/consultations/:id/import', async (request, reply) => {
    const { params, query } = parseRequest(importedQuery, request);
    const { consultation, partnership } = await staffConsultation(db, request.user, params.id, 'responses:enter');
    return reply.view(VIEW, importView({ consultation, partnership, imported: query.imported }));
  });

  // The body is streamed, not parsed: the CSRF token comes in the form's action URL.
  app.post('/staff/consultations/:id/import', async (request, reply) => {
    const { id } = parseRequest(consultationRequest, request).params;
    const { consultation, partnership, principal } = await staffConsultation(db, request.user, id, 'responses:enter');
    const fail = (message: string, problemRows: TableRow[] = []) =>
      reply
        .status(422)
        .view(
          VIEW,
          importView({ consultation, partnership, problemRows, errors: [{ text: message, href: '#file' }], fieldErrors: { file: message } }),
        );
    const upload = request.isMultipart() ? await request.file() : undefined;
    if (!upload?.filename) return fail('Select a CSV or XLSX file');
    // Fields before the file in the form arrive with it; the file itself is streamed.
    const fields = importFields.parse(
      Object.fromEntries(Object.entries(upload.fields).map(([k, v]) => [k, v && 'value' in v ? v.value : undefined])),
    );
    try {
      const result = await importUploadedFile({
        handle: services.handle,
        writer: services.writer,
        runtimes,
        actor: actorOf(principal),
        consultationId: id,
        partnershipId: consultation.partnershipId,
        upload,
        limitBytes: services.config.uploadLimitBytes,
        allowDuplicate: fields.allowDuplicate === 'yes',
      });
      // Back to a plain address: the form's address carries its security token, which must not stay in the history.
      return reply.redirect(`/staff/consultations/${id}/import?imported=${result.imported}`, 303);
    } catch (err) {
      if (err instanceof ImportRejected)
        return fail(
          err.message,
          err.problems.slice(0, 500).map((p) => [{ text: String(p.row), format: 'numeric' }, { text: p.column }, { text: p.message }]),
        );
      if (err instanceof TableFormatError) return fail(err.message);
      if (err instanceof DuplicateImport)
        return reply.status(409).view(
          VIEW,
          importView({
            consultation,
            partnership,
            duplicate: true,
            errors: [{ text: err.message, href: '#allowDuplicate' }],
            fieldErrors: { file: err.message },
          }),
        );
      throw err;
    }
  });
}
