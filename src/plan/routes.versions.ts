/**
 * A plan's versions: saving one (draft or out for consultation: plan:edit; approved, with the date and who approved
 * it: plan:approve) and comparing two, or one with the plan as it stands. A version is a frozen copy: never changed.
 */
import type { FastifyInstance } from 'fastify';
import { authorize, can } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { attempt, type FieldError, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { frozenContent, type PlanContent } from './planContent.js';
import { type PlanRequestContext, planAccess, readForm, valuesOf } from './routes.support.js';
import { compareRequest, formRequest, pageRequest, versionInput } from './schema.js';
import { listVersions, type PlanVersion, saveVersion, versionContent } from './versions/saveVersion.js';
import { versionDiff } from './versions/versionDiff.js';
import { comparePage, planPath, versionFormPage, versionName } from './viewModels.js';

const VERSION_FIELDS = ['status', 'decidedOn', 'decidedBy'] as const;

export async function planVersionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  const access = planAccess(db);
  const form = async (c: PlanRequestContext, values: Record<string, string>, fields?: FieldError[]) =>
    versionFormPage({
      partnership: c.partnership,
      plan: c.plan,
      versions: await listVersions(db, c.partnership.id, c.plan.id),
      canApprove: can(c.principal, 'plan:approve', c.partnership.id),
      values,
      fields,
    });

  app.get('/staff/partnerships/:id/plans/:planId/versions/new', async (request, reply) => {
    const { params } = parseRequest(pageRequest('planId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    return reply.view('plan/views/version-form.njk', await form(c, { status: 'draft' }));
  });

  app.post('/staff/partnerships/:id/plans/:planId/versions', async (request, reply) => {
    const { params, body } = parseRequest(formRequest('planId'), request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:edit');
    const values = valuesOf(body, VERSION_FIELDS);
    const fail = async (fields: FieldError[]) => reply.status(422).view('plan/views/version-form.njk', await form(c, values, fields));
    const input = readForm(versionInput, values);
    if (!input.ok) return fail(input.fields);
    // Recording an approval freezes what was approved: administrators only.
    if (input.value.status === 'approved') authorize(c.principal, 'plan:approve', c.partnership.id);
    const saved = await attempt(['validation_failed'], () =>
      saveVersion({ db, actor: c.scope.actor, partnershipId: c.partnership.id, planId: c.plan.id, version: input.value }),
    );
    if (!saved.ok) return fail(saved.error.fields);
    return reply.redirect(`${planPath(c.partnership, c.plan)}?done=version-saved#versions`, 303);
  });

  app.get('/staff/partnerships/:id/plans/:planId/versions/:a/compare/:b', async (request, reply) => {
    const { params } = parseRequest(compareRequest, request);
    const c = await access.planFor(request.user, params.id, params.planId, 'plan:view');
    const versions = await listVersions(db, c.partnership.id, c.plan.id);
    const side = async (name: string): Promise<{ version: PlanVersion | 'current'; content: PlanContent }> => {
      // The live plan compares without its delivery (progress, measures' values), as a version holds none.
      if (name === 'current') return { version: 'current', content: frozenContent(c.plan) };
      const version = /^\d{1,9}$/.test(name) ? versions.find((v) => v.number === Number(name)) : undefined;
      const content = version && (await versionContent(db, c.partnership.id, c.plan.id, version.number));
      if (!version || !content) throw notFound('Version');
      return { version, content };
    };
    const [from, to] = [await side(params.a), await side(params.b)];
    return reply.view(
      'plan/views/compare.njk',
      comparePage({
        partnership: c.partnership,
        plan: c.plan,
        from: versionName(from.version),
        to: versionName(to.version),
        changes: versionDiff(from.content, to.content),
      }),
    );
  });
}
