/** A priority's actions, measures and Health Inequalities Impact rows: add, change, remove (plan:edit). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../app/services.js';
import { attempt, type FieldError } from '../platform/errors.js';
import { type FormBody, parseRequest } from '../platform/validation.js';
import { removeItem, saveAction, saveImpact, saveMeasure } from './editPlan.js';
import { baselineFrom, currentItem } from './evidence/currentItem.js';
import type { PlanPriority } from './planContent.js';
import { listInterventions } from './queries/loadPlan.js';
import { type PlanRequestContext, planAccess, priorityOf, readForm, rowOf, valuesOf } from './routes.support.js';
import { actionInput, formRequest, impactInput, measureInput, pageRequest } from './schema.js';
import {
  actionFormPage,
  actionValues,
  impactFormPage,
  impactValues,
  measureFormPage,
  measureValues,
  planPath,
  priorityAnchor,
} from './viewModels.js';

const ACTION_FIELDS = ['title', 'leadPartner', 'supportingPartners', 'startsOn', 'dueOn', 'resources', 'interventionId'] as const;
const MEASURE_FIELDS = ['indicator', 'baseline', 'baselineNote', 'baselineFrom', 'target', 'source', 'frequency'] as const;
const IMPACT_FIELDS = ['groupKind', 'groupLabel', 'impact', 'evidence', 'breakdown', 'mitigation'] as const;
const BASE = '/staff/partnerships/:id/plans/:planId/priorities/:priorityId';

export async function planItemRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  const access = planAccess(db);
  // A measure's baseline can be taken from one of its priority's evidence links, read again here.
  const runner = services.analysis;
  const editing = async (user: Parameters<typeof access.planFor>[0], params: { id: string; planId: string; priorityId: string }) => {
    const c = await access.planFor(user, params.id, params.planId, 'plan:edit');
    return { c, priority: priorityOf(c.plan, params.priorityId) };
  };
  const back = (c: PlanRequestContext, priority: PlanPriority, done: string) =>
    `${planPath(c.partnership, c.plan)}?done=${done}#${priorityAnchor(priority)}`;

  // Actions.
  const actionForm = async (
    c: PlanRequestContext,
    priority: PlanPriority,
    extra: Pick<Parameters<typeof actionFormPage>[0], 'action' | 'values' | 'fields'>,
  ) => actionFormPage({ partnership: c.partnership, plan: c.plan, priority, interventions: await listInterventions(db, c.partnership.id), ...extra });
  async function postAction(reply: FastifyReply, c: PlanRequestContext, priority: PlanPriority, actionId: string | undefined, body: FormBody) {
    const action = actionId === undefined ? undefined : rowOf(priority.actions, actionId, 'Action');
    const values = valuesOf(body, ACTION_FIELDS);
    const fail = async (fields: FieldError[]) =>
      reply.status(422).view('plan/views/action-form.njk', await actionForm(c, priority, { action, values, fields }));
    const input = readForm(actionInput, values);
    if (!input.ok) return fail(input.fields);
    const saved = await attempt(['validation_failed'], () => saveAction(c.scope, priority.id, action?.id ?? null, input.value));
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(back(c, priority, 'action-saved'), 303);
  }
  app.get(`${BASE}/actions/new`, async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId'), request);
    const { c, priority } = await editing(request.user, params);
    return reply.view('plan/views/action-form.njk', await actionForm(c, priority, { values: {} }));
  });
  app.post(`${BASE}/actions/new`, async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId'), request);
    const { c, priority } = await editing(request.user, params);
    return postAction(reply, c, priority, undefined, body);
  });
  app.get(`${BASE}/actions/:actionId`, async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId', 'actionId'), request);
    const { c, priority } = await editing(request.user, params);
    const action = rowOf(priority.actions, params.actionId, 'Action');
    return reply.view('plan/views/action-form.njk', await actionForm(c, priority, { action, values: actionValues(action) }));
  });
  app.post(`${BASE}/actions/:actionId`, async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId', 'actionId'), request);
    const { c, priority } = await editing(request.user, params);
    return postAction(reply, c, priority, params.actionId, body);
  });
  app.post(`${BASE}/actions/:actionId/remove`, async (request, reply) => {
    const { params } = parseRequest(formRequest('planId', 'priorityId', 'actionId'), request);
    const { c, priority } = await editing(request.user, params);
    await removeItem(c.scope, priority.id, 'action', rowOf(priority.actions, params.actionId, 'Action').id);
    return reply.redirect(back(c, priority, 'action-removed'), 303);
  });

  // Measures.
  async function postMeasure(reply: FastifyReply, c: PlanRequestContext, priority: PlanPriority, measureId: string | undefined, body: FormBody) {
    const measure = measureId === undefined ? undefined : rowOf(priority.measures, measureId, 'Measure');
    const values = valuesOf(body, MEASURE_FIELDS);
    const fail = (fields: FieldError[]) =>
      reply
        .status(422)
        .view('plan/views/measure-form.njk', measureFormPage({ partnership: c.partnership, plan: c.plan, priority, measure, values, fields }));
    if (values.baselineFrom) {
      const link = priority.evidence.find((e) => e.id === values.baselineFrom);
      if (!link) return fail([{ field: 'baselineFrom', message: 'Choose one of this priority’s evidence' }]);
      const item = await currentItem({ handle: services.handle, runner, partnership: c.partnership, user: c.principal }, link);
      const taken = item && baselineFrom(item);
      if (!taken)
        return fail([
          { field: 'baselineFrom', message: item ? 'That evidence has no figure to use as a baseline' : 'That evidence is no longer available' },
        ]);
      values.baseline = String(taken.baseline);
      values.baselineNote = taken.note;
    }
    const input = readForm(measureInput, values);
    if (!input.ok) return fail(input.fields);
    const saved = await attempt(['validation_failed'], () => saveMeasure(c.scope, priority.id, measure?.id ?? null, input.value));
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(back(c, priority, 'measure-saved'), 303);
  }
  app.get(`${BASE}/measures/new`, async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId'), request);
    const { c, priority } = await editing(request.user, params);
    return reply.view('plan/views/measure-form.njk', measureFormPage({ ...c, priority, values: { frequency: 'quarterly' } }));
  });
  app.post(`${BASE}/measures/new`, async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId'), request);
    const { c, priority } = await editing(request.user, params);
    return postMeasure(reply, c, priority, undefined, body);
  });
  app.get(`${BASE}/measures/:measureId`, async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId', 'measureId'), request);
    const { c, priority } = await editing(request.user, params);
    const measure = rowOf(priority.measures, params.measureId, 'Measure');
    return reply.view('plan/views/measure-form.njk', measureFormPage({ ...c, priority, measure, values: measureValues(measure) }));
  });
  app.post(`${BASE}/measures/:measureId`, async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId', 'measureId'), request);
    const { c, priority } = await editing(request.user, params);
    return postMeasure(reply, c, priority, params.measureId, body);
  });

  // Health Inequalities Impact rows.
  async function postImpact(reply: FastifyReply, c: PlanRequestContext, priority: PlanPriority, impactId: string | undefined, body: FormBody) {
    const impact = impactId === undefined ? undefined : rowOf(priority.impacts, impactId, 'Impact');
    const values = valuesOf(body, IMPACT_FIELDS);
    const fail = (fields: FieldError[]) =>
      reply
        .status(422)
        .view('plan/views/impact-form.njk', impactFormPage({ partnership: c.partnership, plan: c.plan, priority, impact, values, fields }));
    const input = readForm(impactInput, values);
    if (!input.ok) return fail(input.fields);
    const saved = await attempt(['validation_failed'], () => saveImpact(c.scope, priority.id, impact?.id ?? null, input.value));
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(back(c, priority, 'impact-saved'), 303);
  }
  app.get(`${BASE}/impacts/new`, async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId'), request);
    const { c, priority } = await editing(request.user, params);
    return reply.view('plan/views/impact-form.njk', impactFormPage({ ...c, priority, values: {} }));
  });
  app.post(`${BASE}/impacts/new`, async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId'), request);
    const { c, priority } = await editing(request.user, params);
    return postImpact(reply, c, priority, undefined, body);
  });
  app.get(`${BASE}/impacts/:impactId`, async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId', 'impactId'), request);
    const { c, priority } = await editing(request.user, params);
    const impact = rowOf(priority.impacts, params.impactId, 'Impact');
    return reply.view('plan/views/impact-form.njk', impactFormPage({ ...c, priority, impact, values: impactValues(impact) }));
  });
  app.post(`${BASE}/impacts/:impactId`, async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId', 'impactId'), request);
    const { c, priority } = await editing(request.user, params);
    return postImpact(reply, c, priority, params.impactId, body);
  });
  app.post(`${BASE}/impacts/:impactId/remove`, async (request, reply) => {
    const { params } = parseRequest(formRequest('planId', 'priorityId', 'impactId'), request);
    const { c, priority } = await editing(request.user, params);
    await removeItem(c.scope, priority.id, 'impact', rowOf(priority.impacts, params.impactId, 'Impact').id);
    return reply.redirect(back(c, priority, 'impact-removed'), 303);
  });
}
