/**
 * Delivery (plan:progress, lead partners too): an action's status and progress, many at once from a CSV (all or
 * nothing, every problem named by row and column), the CSV template, and a measure's values.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { csvLine } from '../platform/csvSafe.js';
import { attempt, type FieldError } from '../platform/errors.js';
import { londonDateOf } from '../platform/londonTime.js';
import { parseRequest } from '../platform/validation.js';
import { importProgress, ProgressRejected, recordMeasureValue, recordProgress } from './delivery/recordProgress.js';
import { allActions, allPriorities, type PlanAction } from './planContent.js';
import { ACTION_STATUS_LABELS } from './planTerms.js';
import { actionOf, type PlanRequestContext, planAccess, readForm, rowOf, valuesOf } from './routes.support.js';
import { formRequest, measureValueInput, pageRequest, progressInput } from './schema.js';
import { measureValuesPage, planPath, progressFormPage, progressUploadPage, progressValues } from './viewModels.js';

const PROGRESS_FIELDS = ['status', 'progress', 'note'] as const;
const VALUE_FIELDS = ['period', 'value', 'note'] as const;
const TEMPLATE_HEADER = ['action', 'status', 'progress', 'note', 'date'];

export async function planDeliveryRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 2 } });
  const access = planAccess(db);
  const delivering = (user: Parameters<typeof access.planFor>[0], params: { id: string; planId: string }) =>
    access.planFor(user, params.id, params.planId, 'plan:progress');
  const backToAction = (c: PlanRequestContext, action: PlanAction, done: string) =>
    `${planPath(c.partnership, c.plan)}?done=${done}#action-${action.id}`;

  app.get('/staff/partnerships/:id/plans/:planId/actions/:actionId/progress', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'actionId'), request);
    const c = await delivering(request.user, params);
    const action = actionOf(c.plan, params.actionId);
    return reply.view('plan/views/progress-form.njk', progressFormPage({ ...c, action, values: progressValues(action) }));
  });

  app.post('/staff/partnerships/:id/plans/:planId/actions/:actionId/progress', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'actionId'), request);
    const c = await delivering(request.user, params);
    const action = actionOf(c.plan, params.actionId);
    const values = valuesOf(body, PROGRESS_FIELDS);
    const fail = (fields: FieldError[]) => reply.status(422).view('plan/views/progress-form.njk', progressFormPage({ ...c, action, values, fields }));
    const input = readForm(progressInput, values);
    if (!input.ok) return fail(input.fields);
    const saved = await attempt(['validation_failed'], () => recordProgress(c.scope, action.id, input.value));
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(backToAction(c, action, 'progress'), 303);
  });

  app.get('/staff/partnerships/:id/plans/:planId/progress-template.csv', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId'), request);
    const c = await delivering(request.user, params);
    const rows = allActions(c.plan).map((a) =>
      csvLine([a.reference, ACTION_STATUS_LABELS[a.status], a.progress, a.progressNote, a.progressAt ? londonDateOf(a.progressAt) : '']),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="plan-progress.csv"')
      .send([csvLine(TEMPLATE_HEADER), ...rows].join(''));
  });

  app.get('/staff/partnerships/:id/plans/:planId/progress-upload', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId'), request);
    const c = await delivering(request.user, params);
    return reply.view('plan/views/progress-upload.njk', progressUploadPage(c));
  });

  // The body is streamed, not parsed: the CSRF token comes in the form's action URL.
  app.post('/staff/partnerships/:id/plans/:planId/progress-upload', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId'), request);
    const c = await delivering(request.user, params);
    const fail = (page: { message?: string; problems?: string[] }) =>
      reply.status(422).view('plan/views/progress-upload.njk', progressUploadPage({ ...c, ...page }));
    const upload = request.isMultipart() ? await request.file() : undefined;
    if (!upload?.filename) return fail({ message: 'Select a CSV file' });
    const bytes = await upload.toBuffer().catch(() => undefined);
    if (!bytes || upload.file.truncated) return fail({ message: 'The file is too large' });
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fail({ message: 'The file is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8"' });
    }
    try {
      await importProgress(c.scope, csv);
    } catch (err) {
      if (err instanceof ProgressRejected) return fail({ problems: err.fields.map((f) => f.message) });
      throw err;
    }
    return reply.redirect(`${planPath(c.partnership, c.plan)}?done=progress-imported`, 303);
  });

  const measureOf = (c: PlanRequestContext, measureId: string) =>
    rowOf(
      allPriorities(c.plan).flatMap((p) => p.measures),
      measureId,
      'Measure',
    );
  app.get('/staff/partnerships/:id/plans/:planId/measures/:measureId/values', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'measureId'), request);
    const c = await delivering(request.user, params);
    return reply.view('plan/views/measure-values.njk', measureValuesPage({ ...c, measure: measureOf(c, params.measureId), values: {} }));
  });

  app.post('/staff/partnerships/:id/plans/:planId/measures/:measureId/values', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'measureId'), request);
    const c = await delivering(request.user, params);
    const measure = measureOf(c, params.measureId);
    const values = valuesOf(body, VALUE_FIELDS);
    const fail = (fields: FieldError[]) =>
      reply.status(422).view('plan/views/measure-values.njk', measureValuesPage({ ...c, measure, values, fields }));
    const input = readForm(measureValueInput, values);
    if (!input.ok) return fail(input.fields);
    const saved = await attempt(['validation_failed'], () => recordMeasureValue(c.scope, measure.id, input.value));
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(`${planPath(c.partnership, c.plan)}?done=value-recorded#measure-${measure.id}`, 303);
  });
}
