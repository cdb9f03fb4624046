/** What a partnership keeps beside its plans (plan:edit): the PCC's priorities, and the "what works" library with EMMIE ratings. */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { attempt, type FieldError } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { addIntervention, addPccPriority, removePccPriority } from './library.js';
import { listInterventions, listPccPriorities } from './queries/loadPlan.js';
import { planAccess, readForm, valuesOf } from './routes.support.js';
import { formRequest, interventionInput, pageRequest, pccInput } from './schema.js';
import { interventionsPage, interventionsPath, NOTICES, pccPage, pccPath } from './viewModels.js';

const PCC_FIELDS = ['title', 'summary'] as const;
const INTERVENTION_FIELDS = ['title', 'summary', 'source', 'effect', 'evidence', 'mechanism', 'moderators', 'implementation', 'economic'] as const;

export async function planLibraryRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;
  const access = planAccess(db);

  app.get('/staff/partnerships/:id/pcc-priorities', async (request, reply) => {
    const { params, query } = parseRequest(pageRequest(), request);
    const { partnership } = await access.partnershipFor(request.user, params.id, 'plan:edit');
    const priorities = await listPccPriorities(db, partnership.id);
    return reply.view('plan/views/pcc.njk', pccPage({ partnership, priorities, values: {}, notice: NOTICES[query.done ?? ''] }));
  });

  app.post('/staff/partnerships/:id/pcc-priorities', async (request, reply) => {
    const { params, body } = parseRequest(formRequest(), request);
    const { partnership, principal } = await access.partnershipFor(request.user, params.id, 'plan:edit');
    const values = valuesOf(body, PCC_FIELDS);
    const fail = async (fields: FieldError[]) =>
      reply.status(422).view('plan/views/pcc.njk', pccPage({ partnership, priorities: await listPccPriorities(db, partnership.id), values, fields }));
    const input = readForm(pccInput, values);
    if (!input.ok) return fail(input.fields);
    const added = await attempt(['validation_failed'], () =>
      addPccPriority({ db, actor: actorOf(principal), partnershipId: partnership.id }, input.value),
    );
    if (!added.ok) return fail(added.error.fields);
    return reply.redirect(`${pccPath(partnership)}?done=pcc-added`, 303);
  });

  app.post('/staff/partnerships/:id/pcc-priorities/:pccId/remove', async (request, reply) => {
    const { params } = parseRequest(formRequest('pccId'), request);
    const { partnership, principal } = await access.partnershipFor(request.user, params.id, 'plan:edit');
    await removePccPriority({ db, actor: actorOf(principal), partnershipId: partnership.id }, params.pccId);
    return reply.redirect(`${pccPath(partnership)}?done=pcc-removed`, 303);
  });

  app.get('/staff/partnerships/:id/interventions', async (request, reply) => {
    const { params, query } = parseRequest(pageRequest(), request);
    const { partnership } = await access.partnershipFor(request.user, params.id, 'plan:edit');
    const interventions = await listInterventions(db, partnership.id);
    return reply.view(
      'plan/views/interventions.njk',
      interventionsPage({ partnership, interventions, values: { effect: 'unknown' }, notice: NOTICES[query.done ?? ''] }),
    );
  });

  app.post('/staff/partnerships/:id/interventions', async (request, reply) => {
    const { params, body } = parseRequest(formRequest(), request);
    const { partnership, principal } = await access.partnershipFor(request.user, params.id, 'plan:edit');
    const values = valuesOf(body, INTERVENTION_FIELDS);
    const fail = async (fields: FieldError[]) =>
      reply
        .status(422)
        .view(
          'plan/views/interventions.njk',
          interventionsPage({ partnership, interventions: await listInterventions(db, partnership.id), values, fields }),
        );
    const input = readForm(interventionInput, values);
    if (!input.ok) return fail(input.fields);
    const added = await attempt(['validation_failed'], () =>
      addIntervention({ db, actor: actorOf(principal), partnershipId: partnership.id }, input.value),
    );
    if (!added.ok) return fail(added.error.fields);
    return reply.redirect(`${interventionsPath(partnership)}?done=intervention-added`, 303);
  });
}
