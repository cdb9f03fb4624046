import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { AppError, notFound } from '../platform/errors.js';
import { errorSummaryItems, messagesByField, parseRequest } from '../platform/validation.js';
import {
  enterResponse,
  exportHeader,
  formatOf,
  ImportRejected,
  importResponses,
  responseCounts,
  responseCountsByConsultation,
  TableFormatError,
  writeCsv,
  writeXlsx,
} from '../responses/index.js';
import { allQuestions, TEMPLATES, validateAnswers } from '../surveys/index.js';
import { changeConsultationStage, type StageAction } from './changeConsultationStage.js';
import { createConsultation } from './createConsultation.js';
import { errorLinks } from './form/fieldIds.js';
import { formAnswers } from './form/formAnswers.js';
import { createInvitations } from './invitations/createInvitations.js';
import { listConsultations } from './queries/listConsultations.js';
import { listInvitations } from './queries/listInvitations.js';
import { type Consultation, loadConsultation, loadSurveyDefinition } from './queries/loadConsultation.js';
import {
  consultationRequest,
  invitationsRequest,
  keyInPageRequest,
  keyInRequest,
  newConsultationRequest,
  overviewRequest,
  partnershipRequest,
  stageRequest,
} from './schema.js';
import { type ConsultationStatus, STATUS_LABELS } from './status.js';

const ACTION_LABELS: Record<StageAction, string> = {
  schedule: 'Schedule: open and close on its dates',
  open: 'Open now',
  close: 'Close now',
  'mark-analysed': 'Mark as analysed',
  publish: 'Publish results',
};

/** What staff can do next from each status, the usual next step first. */
const NEXT_ACTIONS: Record<ConsultationStatus, StageAction[]> = {
  draft: ['schedule', 'open'],
  scheduled: ['open'],
  open: ['close'],
  closed: ['mark-analysed', 'publish'],
  analysed: ['publish'],
  published: [],
};

const availableActions = (c: Consultation) => NEXT_ACTIONS[c.status].map((action, i) => ({ action, label: ACTION_LABELS[action], primary: i === 0 }));

export async function consultationStaffRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;
  await app.register(multipart, { limits: { fileSize: services.config.uploadLimitBytes, files: 1, fields: 5 } });

  async function consultationFor(user: Principal | undefined, id: string, action: Parameters<typeof authorize>[1]) {
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    const principal = authorize(user, action, consultation.partnershipId);
    const partnership = (await findPartnership(db, consultation.partnershipId))!;
    return { consultation, partnership, principal };
  }

  app.get('/staff/partnerships/:pid/consultations', async (request, reply) => {
    const { pid } = parseRequest(partnershipRequest, request).params;
    const user = authorize(request.user, 'consultation:view', pid);
    const partnership = await findPartnership(db, pid);
    if (!partnership) throw notFound('Partnership');
    return reply.view('consultations/views/staff-list.njk', {
      title: 'Consultations',
      partnership,
      consultations: await listConsultations(db, pid),
      counts: await responseCountsByConsultation(db, pid),
      statusLabels: STATUS_LABELS,
      canManage: can(user, 'consultation:manage', pid),
    });
  });

  const newForm = (reply: FastifyReply, partnership: unknown, values: Record<string, unknown>, fields: { field: string; message: string }[]) =>
    reply.view('consultations/views/staff-new.njk', {
      title: 'Create a consultation',
      partnership,
      values,
      errors: errorSummaryItems(fields.map((f) => (f.field === 'opens' || f.field === 'closes' ? { ...f, field: `${f.field}-day` } : f))),
      fieldErrors: messagesByField(fields),
      templateItems: Object.values(TEMPLATES).map((t) => ({
        value: t.id,
        text: t.name,
        hint: t.summary ? { text: t.summary } : undefined,
        checked: values.template === t.id,
      })),
    });

  app.get('/staff/partnerships/:pid/consultations/new', async (request, reply) => {
    const { pid } = parseRequest(partnershipRequest, request).params;
    authorize(request.user, 'consultation:manage', pid);
    return newForm(reply, await findPartnership(db, pid), { template: 'crime-survey' }, []);
  });

  app.post('/staff/partnerships/:pid/consultations/new', async (request, reply) => {
    const {
      params: { pid },
      body,
    } = parseRequest(newConsultationRequest, request);
    const user = authorize(request.user, 'consultation:manage', pid);
    const date = (name: 'opens' | 'closes') => {
      const [d = '', m = '', y = ''] = [body[`${name}-day`], body[`${name}-month`], body[`${name}-year`]].map((v) => v.trim());
      return d || m || y ? `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : '';
    };
    try {
      const { id } = await createConsultation({
        db,
        actor: { id: user.id, label: user.email },
        partnershipId: pid,
        consultation: { template: body.template, title: body.title, opens: date('opens'), closes: date('closes') },
      });
      return reply.redirect(`/staff/consultations/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed')
        return newForm(reply.status(422), await findPartnership(db, pid), body, err.fields);
      throw err;
    }
  });

  app.get('/staff/consultations/:id', async (request, reply) => {
    const {
      params: { id },
      query,
    } = parseRequest(overviewRequest, request);
    const { consultation, partnership, principal } = await consultationFor(request.user, id, 'consultation:view');
    const counts = await responseCounts(db, consultation.partnershipId, id);
    const notice = query.changed ? `Status is now: ${STATUS_LABELS[consultation.status]}` : undefined;
    return reply.view('consultations/views/staff-overview.njk', {
      title: consultation.title,
      partnership,
      consultation,
      notice,
      templateName: TEMPLATES[consultation.template as keyof typeof TEMPLATES]?.name ?? consultation.template,
      statusLabel: STATUS_LABELS[consultation.status],
      counts,
      channelRows: Object.entries(counts.byChannel).map(([channel, count]) => ({ channel, count })),
      publicUrl: `/p/${partnership.slug}/${consultation.slug}`,
      actions: availableActions(consultation),
      isMembersSurvey: !consultation.audiences.includes('public'),
      canManage: can(principal, 'consultation:manage', consultation.partnershipId),
      canEnter: can(principal, 'responses:enter', consultation.partnershipId),
      canRead: can(principal, 'responses:read', consultation.partnershipId),
    });
  });

  app.post('/staff/consultations/:id/stage', async (request, reply) => {
    const {
      params: { id },
      body: { action },
    } = parseRequest(stageRequest, request);
    const { consultation, principal } = await consultationFor(request.user, id, 'consultation:manage');
    await changeConsultationStage({
      db,
      actor: { id: principal.id, label: principal.email },
      partnershipId: consultation.partnershipId,
      consultationId: id,
      action,
    });
    runtimes.invalidate(id);
    return reply.redirect(`/staff/consultations/${id}?changed=1`, 303);
  });

  const STAFF_CHANNELS = ['paper', 'email', 'phone', 'event'] as const;
  const enterPage = async (reply: FastifyReply, id: string, view: Record<string, unknown>) => {
    const runtime = await runtimes.get(id);
    if (!runtime) throw notFound('Consultation');
    const channel = (view.values as Record<string, unknown> | undefined)?._channel ?? 'paper';
    return reply.view('consultations/views/staff-enter.njk', {
      title: 'Key in a response',
      values: {},
      fieldErrors: {},
      ...view,
      definition: runtime.definition,
      wards: runtime.wards,
      channelItems: STAFF_CHANNELS.map((c) => ({ value: c, text: c[0]!.toUpperCase() + c.slice(1), checked: c === channel })),
    });
  };

  app.get('/staff/consultations/:id/responses/new', async (request, reply) => {
    const {
      params: { id },
      query,
    } = parseRequest(keyInPageRequest, request);
    const { consultation, partnership } = await consultationFor(request.user, id, 'responses:enter');
    return enterPage(reply, id, { consultation, partnership, savedReference: query.saved });
  });

  app.post('/staff/consultations/:id/responses/new', async (request, reply) => {
    const {
      params: { id },
      body,
    } = parseRequest(keyInRequest, request);
    const { consultation, partnership, principal } = await consultationFor(request.user, id, 'responses:enter');
    const runtime = (await runtimes.get(id))!;
    const questions = allQuestions(runtime.definition);
    const raw = formAnswers(questions, body);
    const channel = STAFF_CHANNELS.find((c) => c === body._channel);
    try {
      if (!channel) {
        const checked = validateAnswers(runtime.definition, raw, { wards: runtime.wards });
        throw new AppError('validation_failed', 422, 'There is a problem', [
          { field: '_channel', message: 'Select how this response was received' },
          ...(checked.ok ? [] : checked.errors),
        ]);
      }
      const stored = await enterResponse({
        handle: services.handle,
        runtimes,
        actor: { id: principal.id, label: principal.email },
        partnershipId: consultation.partnershipId,
        consultationId: id,
        answers: raw,
        channel,
      });
      return reply.redirect(`/staff/consultations/${id}/responses/new?saved=${stored.reference}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'validation_failed' && err.code !== 'not_open')) throw err;
      const fields = err.code === 'not_open' ? [{ field: '_channel', message: err.message }] : err.fields;
      const links = [
        ...fields.filter((f) => f.field === '_channel').map((f) => ({ text: f.message, href: '#_channel' })),
        ...errorLinks(questions, fields),
      ];
      return enterPage(reply.status(422), id, {
        consultation,
        partnership,
        values: { ...raw, _channel: body._channel },
        errors: links,
        fieldErrors: messagesByField(fields),
      });
    }
  });

  const invitationsPage = async (reply: FastifyReply, consultation: Consultation, view: Record<string, unknown>) => {
    const invited = await listInvitations(db, consultation.partnershipId, consultation.id);
    return reply.view('consultations/views/staff-invitations.njk', {
      title: 'Invite elected members',
      consultation,
      invited,
      created: [],
      values: {},
      fieldErrors: {},
      ...view,
    });
  };

  app.get('/staff/consultations/:id/invitations', async (request, reply) => {
    const { consultation, partnership } = await consultationFor(
      request.user,
      parseRequest(consultationRequest, request).params.id,
      'consultation:manage',
    );
    return invitationsPage(reply, consultation, { partnership });
  });

  app.post('/staff/consultations/:id/invitations', async (request, reply) => {
    const { params, body } = parseRequest(invitationsRequest, request);
    const { consultation, partnership, principal } = await consultationFor(request.user, params.id, 'consultation:manage');
    const text = body.people;
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const invitees = lines.map((line) => {
      const comma = line.lastIndexOf(',');
      return comma < 0 ? { name: '', email: line } : { name: line.slice(0, comma).trim(), email: line.slice(comma + 1).trim() };
    });
    try {
      const created = await createInvitations({
        db,
        actor: { id: principal.id, label: principal.email },
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        invitees,
      });
      return invitationsPage(reply, consultation, { partnership, created, origin: `${request.protocol}://${request.host}` });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      const first = err.fields[0];
      const row = first ? /^(\d+)\./.exec(first.field)?.[1] : undefined;
      const message = `${row !== undefined ? `Line ${Number(row) + 1}: ` : ''}${first?.message ?? 'Check the list'}`;
      return invitationsPage(reply.status(422), consultation, {
        partnership,
        values: { people: text },
        errors: [{ text: message, href: '#people' }],
        fieldErrors: { people: message },
      });
    }
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/staff/consultations/:id/export.${format}`, async (request, reply) => {
      const { id } = parseRequest(consultationRequest, request).params;
      const { consultation } = await consultationFor(request.user, id, 'responses:read');
      const source = {
        db,
        partnershipId: consultation.partnershipId,
        consultationId: id,
        definition: await loadSurveyDefinition(db, consultation, consultation.surveyVersion),
      };
      reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${consultation.slug}-responses.${format}"`);
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      await (format === 'csv' ? writeCsv : writeXlsx)(source, reply.raw);
      return reply;
    });
  }

  app.get('/staff/consultations/:id/import/template.csv', async (request, reply) => {
    const { id } = parseRequest(consultationRequest, request).params;
    const { consultation } = await consultationFor(request.user, id, 'responses:enter');
    const header = exportHeader(await loadSurveyDefinition(db, consultation, consultation.surveyVersion)).filter((c) => c !== 'reference');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${consultation.slug}-import.csv"`)
      .send(`${header.join(',')}\n`);
  });

  const importPage = (reply: FastifyReply, view: Record<string, unknown>) =>
    reply.view('consultations/views/staff-import.njk', { title: 'Import responses', problemRows: [], fieldErrors: {}, ...view });

  app.get('/staff/consultations/:id/import', async (request, reply) => {
    const { consultation, partnership } = await consultationFor(
      request.user,
      parseRequest(consultationRequest, request).params.id,
      'responses:enter',
    );
    return importPage(reply, { consultation, partnership });
  });

  app.post('/staff/consultations/:id/import', async (request, reply) => {
    const { id } = parseRequest(consultationRequest, request).params;
    const { consultation, partnership, principal } = await consultationFor(request.user, id, 'responses:enter');
    const fail = (message: string, problemRows: unknown[] = []) =>
      importPage(reply.status(422), {
        consultation,
        partnership,
        problemRows,
        errors: [{ text: message, href: '#file' }],
        fieldErrors: { file: message },
      });
    const upload = request.isMultipart() ? await request.file() : undefined;
    if (!upload?.filename) return fail('Select a CSV or XLSX file');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-upload-'));
    try {
      const file = path.join(dir, `upload${path.extname(upload.filename).toLowerCase()}`);
      try {
        formatOf(upload.filename);
      } catch (err) {
        upload.file.resume();
        return fail((err as Error).message);
      }
      await pipeline(upload.file, fs.createWriteStream(file));
      if (upload.file.truncated) return fail(`The file is larger than ${Math.round(services.config.uploadLimitBytes / 1_048_576)} MB`);
      const result = await importResponses({
        handle: services.handle,
        runtimes,
        actor: { id: principal.id, label: principal.email },
        consultationId: id,
        partnershipId: consultation.partnershipId,
        file,
      });
      return importPage(reply, { consultation, partnership, imported: result.imported });
    } catch (err) {
      if (err instanceof ImportRejected)
        return fail(
          err.message,
          err.problems.slice(0, 500).map((p) => [{ text: String(p.row), format: 'numeric' }, { text: p.column }, { text: p.message }]),
        );
      if (err instanceof TableFormatError) return fail(err.message);
      throw err;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
