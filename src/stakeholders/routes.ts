/** The stakeholder register (officers), its CSV import and template, and the partnership's SMTP settings (admins). */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { type Action, actorOf, authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { csvLine } from '../platform/csvSafe.js';
import { attempt, notFound } from '../platform/errors.js';
import { type FormBody, firstValue, parseRequest } from '../platform/validation.js';
import { addStakeholder, editStakeholder, importStakeholders, removeStakeholder, StakeholderImportRejected } from './manageStakeholders.js';
import { findStakeholder, listStakeholders, type Stakeholder } from './queries/listStakeholders.js';
import { formRequest, partnershipRequest, registerPageRequest, smtpPageRequest, stakeholderFormRequest, stakeholderRequest } from './schema.js';
import { loadSmtpSettings, saveSmtpSettings } from './smtpSettings.js';
import { CSV_COLUMNS } from './stakeholderFields.js';
import { importPage, registerPage, smtpPage, stakeholderFormPage } from './viewModels.js';

const FIELDS = ['organisation', 'sector', 'contactName', 'email', 'phone', 'role'] as const;
const entered = (body: FormBody) => Object.fromEntries(FIELDS.map((f) => [f, firstValue(body[f])]));
const valuesOf = (s: Stakeholder): Record<string, string> => ({ ...s });

export async function stakeholderRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 2 } });

  async function partnershipFor(user: Principal | undefined, id: string, action: Action) {
    const principal = authorize(user, action, id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }
  async function contactFor(user: Principal | undefined, id: string, sid: string) {
    const found = await partnershipFor(user, id, 'engagement:manage');
    const stakeholder = await findStakeholder(db, found.partnership.id, sid);
    if (!stakeholder) throw notFound('Stakeholder');
    return { ...found, stakeholder };
  }
  const register = (id: string) => `/staff/partnerships/${id}/stakeholders`;

  app.get('/staff/partnerships/:id/stakeholders', async (request, reply) => {
    const { params, query } = parseRequest(registerPageRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'engagement:manage');
    const stakeholders = await listStakeholders(db, partnership.id);
    return reply.view(
      'stakeholders/views/register.njk',
      registerPage({ partnership, stakeholders, canManage: can(principal, 'engagement:manage', partnership.id), ...query }),
    );
  });

  app.get('/staff/partnerships/:id/stakeholders/new', async (request, reply) => {
    const { params } = parseRequest(partnershipRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id, 'engagement:manage');
    return reply.view('stakeholders/views/stakeholder.njk', stakeholderFormPage({ partnership, values: {} }));
  });

  app.post('/staff/partnerships/:id/stakeholders/new', async (request, reply) => {
    const { params, body } = parseRequest(formRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'engagement:manage');
    const fields = entered(body);
    const added = await attempt(['validation_failed'], () =>
      addStakeholder({ db, actor: actorOf(principal), partnershipId: partnership.id, fields }),
    );
    if (added.ok) return reply.redirect(`${register(partnership.id)}?done=added`, 303);
    return reply
      .status(422)
      .view('stakeholders/views/stakeholder.njk', stakeholderFormPage({ partnership, values: fields, fields: added.error.fields }));
  });

  app.get('/staff/partnerships/:id/stakeholders/template.csv', async (request, reply) => {
    const { params } = parseRequest(partnershipRequest, request);
    await partnershipFor(request.user, params.id, 'engagement:manage');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="stakeholders.csv"')
      .send(csvLine(CSV_COLUMNS.map(([column]) => column)));
  });

  app.get('/staff/partnerships/:id/stakeholders/import', async (request, reply) => {
    const { params } = parseRequest(partnershipRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id, 'engagement:manage');
    return reply.view('stakeholders/views/import.njk', importPage({ partnership }));
  });

  // The body is streamed, not parsed: the CSRF token comes in the form's action URL.
  app.post('/staff/partnerships/:id/stakeholders/import', async (request, reply) => {
    const { params } = parseRequest(partnershipRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'engagement:manage');
    const fail = (message: string, problemRows: ReturnType<typeof importPage>['problemRows'] = []) =>
      reply.status(422).view('stakeholders/views/import.njk', importPage({ partnership, message, problemRows }));
    const upload = request.isMultipart() ? await request.file() : undefined;
    if (!upload?.filename) return fail('Select a CSV file');
    const bytes = await upload.toBuffer().catch(() => undefined);
    if (!bytes || upload.file.truncated) return fail('The file is too large');
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fail('The file is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8"');
    }
    try {
      const result = await importStakeholders({ db, actor: actorOf(principal), partnershipId: partnership.id, csv, fileName: upload.filename });
      return reply.redirect(`${register(partnership.id)}?done=imported&added=${result.added}&updated=${result.updated}`, 303);
    } catch (err) {
      if (err instanceof StakeholderImportRejected)
        return fail(
          err.message,
          err.problems.slice(0, 500).map((p) => [{ text: String(p.row), format: 'numeric' }, { text: p.column }, { text: p.message }]),
        );
      throw err;
    }
  });

  app.get('/staff/partnerships/:id/stakeholders/:sid', async (request, reply) => {
    const { params } = parseRequest(stakeholderRequest, request);
    const { partnership, stakeholder } = await contactFor(request.user, params.id, params.sid);
    return reply.view('stakeholders/views/stakeholder.njk', stakeholderFormPage({ partnership, stakeholder, values: valuesOf(stakeholder) }));
  });

  app.post('/staff/partnerships/:id/stakeholders/:sid', async (request, reply) => {
    const { params, body } = parseRequest(stakeholderFormRequest, request);
    const { partnership, stakeholder, principal } = await contactFor(request.user, params.id, params.sid);
    const fields = entered(body);
    const saved = await attempt(['validation_failed'], () =>
      editStakeholder({ db, actor: actorOf(principal), partnershipId: partnership.id, id: stakeholder.id, fields }),
    );
    if (saved.ok) return reply.redirect(`${register(partnership.id)}?done=saved`, 303);
    return reply
      .status(422)
      .view('stakeholders/views/stakeholder.njk', stakeholderFormPage({ partnership, stakeholder, values: fields, fields: saved.error.fields }));
  });

  app.post('/staff/partnerships/:id/stakeholders/:sid/remove', async (request, reply) => {
    const { params } = parseRequest(stakeholderRequest, request);
    const { partnership, stakeholder, principal } = await contactFor(request.user, params.id, params.sid);
    const removed = await attempt(['conflict'], () =>
      removeStakeholder({ db, actor: actorOf(principal), partnershipId: partnership.id, id: stakeholder.id }),
    );
    if (removed.ok) return reply.redirect(`${register(partnership.id)}?done=removed`, 303);
    return reply.status(409).view(
      'stakeholders/views/stakeholder.njk',
      stakeholderFormPage({
        partnership,
        stakeholder,
        values: valuesOf(stakeholder),
        fields: [{ field: 'organisation', message: removed.error.message }],
      }),
    );
  });

  app.get('/staff/partnerships/:id/email-settings', async (request, reply) => {
    const { params, query } = parseRequest(smtpPageRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id, 'partnership:settings');
    const settings = await loadSmtpSettings(db, partnership.id);
    return reply.view('stakeholders/views/email-settings.njk', smtpPage({ partnership, settings, saved: query.saved === '1' }));
  });

  app.post('/staff/partnerships/:id/email-settings', async (request, reply) => {
    const { params, body } = parseRequest(formRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'partnership:settings');
    const fields = Object.fromEntries(
      ['host', 'port', 'security', 'username', 'password', 'clearPassword', 'fromAddress'].map((f) => [f, firstValue(body[f])]),
    );
    const saved = await attempt(['validation_failed'], () =>
      saveSmtpSettings({ db, actor: actorOf(principal), partnershipId: partnership.id, secret: config.sessionSecret, fields }),
    );
    if (saved.ok) return reply.redirect(`/staff/partnerships/${partnership.id}/email-settings?saved=1`, 303);
    const { password: _never, ...values } = fields;
    const settings = await loadSmtpSettings(db, partnership.id);
    return reply.status(422).view('stakeholders/views/email-settings.njk', smtpPage({ partnership, settings, values, fields: saved.error.fields }));
  });
}
