/**
 * The plan's staff pages (docs/plan.md): the partnership's plans, creating one, the plan with its evidence resolved
 * live, its themes and priorities, and linking, confirming and unlinking a priority's evidence.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf, can } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { listConsultations } from '../consultations/index.js';
import { attempt, conflict, type FieldError, notFound } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { type FormBody, parseRequest } from '../platform/validation.js';
import { createPlan } from './createPlan.js';
import { confirmEvidence, linkEvidence, removeItem, removePriority, savePriority, saveTheme } from './editPlan.js';
import { currentItem } from './evidence/currentItem.js';
import { EVIDENCE_KINDS, type EvidenceContext, type EvidenceKind, evidenceItems, evidenceKey } from './evidence/evidenceItems.js';
import { quoteItem } from './evidence/quotes.js';
import { resolvePlanEvidence } from './evidence/resolveEvidence.js';
import type { EvidenceLink } from './planContent.js';
import { listPccPriorities, listPlans } from './queries/loadPlan.js';
import { listOf, type PlanRequestContext, planAccess, priorityOf, readForm, valuesOf } from './routes.support.js';
import { formRequest, pageRequest, planInput, priorityInput, themeInput } from './schema.js';
import { listVersions } from './versions/saveVersion.js';
import {
  evidencePage,
  NOTICES,
  planFormPage,
  planPage,
  planPath,
  plansPage,
  priorityAnchor,
  priorityFormPage,
  priorityRemovePage,
  priorityValues,
  themeFormPage,
  themeValues,
} from './viewModels.js';

const PLAN_FIELDS = ['title', 'startsOn', 'endsOn', 'consultationId'] as const;
const THEME_FIELDS = ['title', 'summary'] as const;
const PRIORITY_FIELDS = ['themeId', 'title', 'rationale'] as const;
const QUOTE_FIELDS = ['consultation', 'reference', 'question'] as const;
const isKind = (kind: string): kind is EvidenceKind => (EVIDENCE_KINDS as readonly string[]).includes(kind);
const linkedOn = (iso: string) => formatLondon(iso, 'date');

export async function planRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  const access = planAccess(db);
  // The evidence reads the survey analysis and the Strategic Assessment (its matrix through the analysis threads).
  const runner = services.analysis;
  const evidenceContext = (c: Pick<PlanRequestContext, 'partnership' | 'principal'>): EvidenceContext => ({
    handle: services.handle,
    runner,
    partnership: c.partnership,
    user: c.principal,
  });
  /** An evidence item as it stands now, read again here: the browser only names it. */
  const currentItemOf = (c: PlanRequestContext, link: Pick<EvidenceLink, 'kind' | 'ref'>) => currentItem(evidenceContext(c), link);
  const backToPriority = (c: PlanRequestContext, priority: { id: string }, done: string) =>
    `${planPath(c.partnership, c.plan)}?done=${done}#${priorityAnchor(priority)}`;

  app.get('/staff/partnerships/:id/plans', async (request, reply) => {
    const { params, query } = parseRequest(pageRequest(), request);
    const { partnership, principal } = await access.partnershipFor(request.user, params.id, 'plan:view');
    const plans = await listPlans(db, partnership.id);
    const withVersions = await Promise.all(plans.map(async (plan) => ({ plan, latest: (await listVersions(db, partnership.id, plan.id))[0] })));
    return reply.view(
      'plan/views/plans.njk',
      plansPage({ partnership, plans: withVersions, canEdit: can(principal, 'plan:edit', partnership.id), notice: NOTICES[query.done ?? ''] }),
    );
  });

  app.get('/staff/partnerships/:id/plans/new', async (request, reply) => {
    const { params } = parseRequest(pageRequest(), request);
    const { partnership } = await access.partnershipFor(request.user, params.id, 'plan:edit');
    const consultations = await listConsultations(db, partnership.id);
    return reply.view('plan/views/plan-form.njk', planFormPage({ partnership, consultations, values: {} }));
  });

  app.post('/staff/partnerships/:id/plans/new', async (request, reply) => {
    const { params, body } = parseRequest(formRequest(), request);
    const { partnership, principal } = await access.partnershipFor(request.user, params.id, 'plan:edit');
    const values = valuesOf(body, PLAN_FIELDS);
    const fail = async (fields: FieldError[]) =>
      reply
        .status(422)
        .view('plan/views/plan-form.njk', planFormPage({ partnership, consultations: await listConsultations(db, partnership.id), values, fields }));
    const input = readForm(planInput, values);
    if (!input.ok) return fail(input.fields);
    const created = await attempt(['validation_failed'], () =>
      createPlan({ db, actor: actorOf(principal), partnershipId: partnership.id, plan: input.value }),
    );
    if (!created.ok) return fail(created.error.fields);
    return reply.redirect(`${planPath(partnership, { id: created.value })}?done=plan-created`, 303);
  });

  app.get('/staff/partnerships/:id/plans/:planId', async (request, reply) => {
    const { params, query } = parseRequest(pageRequest('planId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:view');
    const { partnership, plan, principal } = c;
    // Resolved once for the whole page: it runs the survey analysis and the Strategic Assessment.
    const [evidence, versions, consultations] = await Promise.all([
      resolvePlanEvidence(evidenceContext(c), plan, linkedOn),
      listVersions(db, partnership.id, plan.id),
      plan.consultationId ? listConsultations(db, partnership.id) : Promise.resolve([]),
    ]);
    return reply.view(
      'plan/views/plan.njk',
      planPage({
        partnership,
        plan,
        evidence,
        versions,
        consultationTitle: consultations.find((x) => x.id === plan.consultationId)?.title,
        can: {
          edit: can(principal, 'plan:edit', partnership.id),
          approve: can(principal, 'plan:approve', partnership.id),
          progress: can(principal, 'plan:progress', partnership.id),
        },
        notice: NOTICES[query.done ?? ''],
      }),
    );
  });

  // Themes.
  const themeOf = (c: PlanRequestContext, themeId: string) => {
    const theme = c.plan.themes.find((t) => t.id === themeId);
    if (!theme) throw notFound('Theme');
    return theme;
  };
  app.get('/staff/partnerships/:id/plans/:planId/themes/new', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    return reply.view('plan/views/theme-form.njk', themeFormPage({ ...c, values: {} }));
  });
  app.get('/staff/partnerships/:id/plans/:planId/themes/:themeId', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'themeId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const theme = themeOf(c, params.themeId);
    return reply.view('plan/views/theme-form.njk', themeFormPage({ ...c, theme, values: themeValues(theme) }));
  });
  async function postTheme(reply: FastifyReply, c: PlanRequestContext, themeId: string | undefined, body: FormBody) {
    const theme = themeId === undefined ? undefined : themeOf(c, themeId);
    const values = valuesOf(body, THEME_FIELDS);
    const fail = (fields: FieldError[]) => reply.status(422).view('plan/views/theme-form.njk', themeFormPage({ ...c, theme, values, fields }));
    const input = readForm(themeInput, values);
    if (!input.ok) return fail(input.fields);
    const saved = await attempt(['validation_failed'], () => saveTheme(c.scope, theme?.id ?? null, input.value));
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(`${planPath(c.partnership, c.plan)}?done=theme-saved`, 303);
  }
  app.post('/staff/partnerships/:id/plans/:planId/themes/new', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId'), request);
    return postTheme(reply, await access.planFor(request.user, params.id, params.planId, 'plan:edit'), undefined, body);
  });
  app.post('/staff/partnerships/:id/plans/:planId/themes/:themeId', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'themeId'), request);
    return postTheme(reply, await access.planFor(request.user, params.id, params.planId, 'plan:edit'), params.themeId, body);
  });

  // Priorities.
  async function priorityForm(c: PlanRequestContext, extra: Omit<Parameters<typeof priorityFormPage>[0], 'partnership' | 'plan' | 'pccPriorities'>) {
    return priorityFormPage({ partnership: c.partnership, plan: c.plan, pccPriorities: await listPccPriorities(db, c.partnership.id), ...extra });
  }
  app.get('/staff/partnerships/:id/plans/:planId/priorities/new', async (request, reply) => {
    const { params, query } = parseRequest(pageRequest('planId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const themeId = c.plan.themes.some((t) => t.id === query.theme) ? (query.theme ?? '') : (c.plan.themes[0]?.id ?? '');
    return reply.view('plan/views/priority-form.njk', await priorityForm(c, { values: { themeId }, lists: { dimensions: [], pccPriorityIds: [] } }));
  });
  app.get('/staff/partnerships/:id/plans/:planId/priorities/:priorityId', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const priority = priorityOf(c.plan, params.priorityId);
    return reply.view('plan/views/priority-form.njk', await priorityForm(c, { priority, ...priorityValues(priority) }));
  });
  async function postPriority(reply: FastifyReply, c: PlanRequestContext, priorityId: string | undefined, body: FormBody) {
    const priority = priorityId === undefined ? undefined : priorityOf(c.plan, priorityId);
    const values = valuesOf(body, PRIORITY_FIELDS);
    const lists = { dimensions: listOf(body, 'dimensions'), pccPriorityIds: listOf(body, 'pccPriorityIds') };
    const fail = async (fields: FieldError[]) =>
      reply.status(422).view('plan/views/priority-form.njk', await priorityForm(c, { priority, values, lists, fields }));
    const input = readForm(priorityInput, { ...values, ...lists });
    if (!input.ok) return fail(input.fields);
    const saved = await attempt(['validation_failed'], () => savePriority(c.scope, priority?.id ?? null, input.value));
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(backToPriority(c, { id: saved.value }, 'priority-saved'), 303);
  }
  app.post('/staff/partnerships/:id/plans/:planId/priorities/new', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId'), request);
    return postPriority(reply, await access.planFor(request.user, params.id, params.planId, 'plan:edit'), undefined, body);
  });
  app.post('/staff/partnerships/:id/plans/:planId/priorities/:priorityId', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId'), request);
    return postPriority(reply, await access.planFor(request.user, params.id, params.planId, 'plan:edit'), params.priorityId, body);
  });

  app.get('/staff/partnerships/:id/plans/:planId/priorities/:priorityId/remove', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    return reply.view('plan/views/priority-remove.njk', priorityRemovePage({ ...c, priority: priorityOf(c.plan, params.priorityId) }));
  });
  app.post('/staff/partnerships/:id/plans/:planId/priorities/:priorityId/remove', async (request, reply) => {
    const { params } = parseRequest(formRequest('planId', 'priorityId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    await removePriority(c.scope, priorityOf(c.plan, params.priorityId).id);
    return reply.redirect(`${planPath(c.partnership, c.plan)}?done=priority-removed`, 303);
  });

  // Evidence: what can be linked, linking an item or a quote (its value read here, now), unlinking, confirming a change.
  async function showEvidence(
    c: PlanRequestContext,
    priorityId: string,
    status: number,
    extra: { quote?: Record<string, string>; fields?: FieldError[] } = {},
  ) {
    const [items, consultations] = await Promise.all([evidenceItems(evidenceContext(c)), listConsultations(db, c.partnership.id)]);
    const page = evidencePage({
      partnership: c.partnership,
      plan: c.plan,
      priority: priorityOf(c.plan, priorityId),
      items,
      consultations,
      quote: extra.quote ?? {},
      fields: extra.fields,
    });
    return { status, page };
  }
  app.get('/staff/partnerships/:id/plans/:planId/priorities/:priorityId/evidence', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId', 'priorityId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const { page } = await showEvidence(c, priorityOf(c.plan, params.priorityId).id, 200);
    return reply.view('plan/views/evidence.njk', page);
  });
  app.post('/staff/partnerships/:id/plans/:planId/priorities/:priorityId/evidence', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const priority = priorityOf(c.plan, params.priorityId);
    const key = valuesOf(body, ['item']).item;
    const kind = key.slice(0, Math.max(0, key.indexOf(':')));
    // The posted key only names the item: it is found again among the evidence as it stands, with its value now.
    const items = isKind(kind) && kind !== 'quote' ? await evidenceItems(evidenceContext(c), new Set([kind])) : [];
    const item = items.find((i) => evidenceKey(i.kind, i.ref) === key);
    const linked = item
      ? await attempt(['conflict', 'validation_failed'], () =>
          linkEvidence(c.scope, priority.id, { kind: item.kind, ref: item.ref, label: item.label, value: item.value }),
        )
      : { ok: false as const, error: conflict('Choose evidence from the list: that item is not available now') };
    if (linked.ok) return reply.redirect(backToPriority(c, priority, 'evidence-linked'), 303);
    const shown = await showEvidence(c, priority.id, 422, { fields: [{ field: 'item', message: linked.error.message }] });
    return reply.status(shown.status).view('plan/views/evidence.njk', shown.page);
  });
  app.post('/staff/partnerships/:id/plans/:planId/priorities/:priorityId/evidence/quote', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId', 'priorityId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const priority = priorityOf(c.plan, params.priorityId);
    const quote = valuesOf(body, QUOTE_FIELDS);
    const ref = { consultation: quote.consultation.trim(), reference: quote.reference.trim().toUpperCase(), question: quote.question.trim() };
    const fields: FieldError[] = [];
    if (!ref.consultation) fields.push({ field: 'consultation', message: 'Choose the consultation the response was made to' });
    if (!ref.reference) fields.push({ field: 'reference', message: 'Enter the response’s reference, like K7M2-9QXA-3F' });
    if (!ref.question) fields.push({ field: 'question', message: 'Enter the code of the question answered, like feel_safer' });
    const item = fields.length ? undefined : await quoteItem(db, c.partnership.id, ref);
    if (!fields.length && !item)
      fields.push({
        field: 'reference',
        message: `No counted response ${ref.reference} to that consultation has a written answer to ${ref.question}`,
      });
    if (item) {
      const linked = await attempt(['conflict'], () =>
        linkEvidence(c.scope, priority.id, { kind: item.kind, ref: item.ref, label: item.label, value: item.value }),
      );
      if (linked.ok) return reply.redirect(backToPriority(c, priority, 'evidence-linked'), 303);
      fields.push({ field: 'reference', message: linked.error.message });
    }
    const shown = await showEvidence(c, priority.id, 422, { quote, fields });
    return reply.status(shown.status).view('plan/views/evidence.njk', shown.page);
  });
  app.post('/staff/partnerships/:id/plans/:planId/priorities/:priorityId/evidence/:evidenceId/remove', async (request, reply) => {
    const { params } = parseRequest(formRequest('planId', 'priorityId', 'evidenceId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const priority = priorityOf(c.plan, params.priorityId);
    await removeItem(c.scope, priority.id, 'evidence', params.evidenceId);
    return reply.redirect(backToPriority(c, priority, 'evidence-unlinked'), 303);
  });
  app.post('/staff/partnerships/:id/plans/:planId/priorities/:priorityId/evidence/:evidenceId/confirm', async (request, reply) => {
    const { params } = parseRequest(formRequest('planId', 'priorityId', 'evidenceId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const priority = priorityOf(c.plan, params.priorityId);
    const link = priority.evidence.find((e) => e.id === params.evidenceId);
    if (!link) throw notFound('Evidence link');
    const item = await currentItemOf(c, link);
    if (!item) throw conflict('This evidence is no longer available, so there is no new value to confirm: unlink it instead');
    await confirmEvidence(c.scope, priority.id, link.id, item.value);
    return reply.redirect(backToPriority(c, priority, 'evidence-confirmed'), 303);
  });
}
