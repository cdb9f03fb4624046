import type { FastifyInstance } from 'fastify';
import { actorOf, authorize } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { TABLE_CONTENT_TYPES } from '../platform/tableFiles.js';
import { parseRequest } from '../platform/validation.js';
import { exportAuditLog } from './exportAuditLog.js';
import { readAuditFilter, readPageNumber } from './filters.js';
import { AUDIT_PAGE_SIZE, auditContext, readAuditLog } from './readAuditLog.js';
import { auditExportRequest, auditPageRequest } from './schema.js';
import { auditPage, auditQueryString, givenFilters } from './viewModels.js';

/** The audit log of the administrator's own partnerships: filtered, paged, and downloaded with the same filters. */
export async function auditRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/staff/audit', async (request, reply) => {
    const user = authorize(request.user, 'audit:view');
    const { query } = parseRequest(auditPageRequest, request);
    const read = readAuditFilter(query);
    const context = await auditContext(db, user.partnershipIds, read.filter);
    const page = { query, consultations: context.consultations, users: context.names.users, pageSize: AUDIT_PAGE_SIZE };
    const showPartnership = user.partnershipIds.length > 1;
    // A filter that cannot be read shows its problems and no entries, rather than entries it did not ask for.
    if (read.fields.length)
      return reply
        .status(422)
        .view('audit/views/audit.njk', auditPage({ ...page, entries: [], total: 0, page: 1, showPartnership, fields: read.fields }));
    const asked = readPageNumber(query.page);
    const { entries, total } = await readAuditLog(db, context, asked);
    return reply.view('audit/views/audit.njk', auditPage({ ...page, entries, total, page: asked, showPartnership }));
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/staff/audit/export.${format}`, async (request, reply) => {
      const user = authorize(request.user, 'audit:view');
      const { query } = parseRequest(auditExportRequest, request);
      const read = readAuditFilter(query);
      if (read.fields.length) return reply.redirect(`/staff/audit${auditQueryString(query)}`, 303);
      const context = await auditContext(db, user.partnershipIds, read.filter);
      reply.type(TABLE_CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="audit-log.${format}"`);
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      await exportAuditLog({
        db,
        actor: actorOf(user),
        context,
        format,
        out: reply.raw,
        partnershipId: user.partnershipIds[0] ?? null,
        filters: givenFilters(query),
      });
      return reply;
    });
  }
}
