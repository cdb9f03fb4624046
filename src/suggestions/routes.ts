/** The admins' page for the partnership's optional LLM (docs/suggestions.md): endpoint, model, sealed key; each change audited. */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { loadLlmSettings } from './queries/loadLlmSettings.js';
import { llmPageRequest, llmRemoveRequest, llmSaveRequest } from './schema.js';
import { removeLlmSettings, saveLlmSettings } from './settings/saveLlmSettings.js';
import { llmSettingsPage } from './viewModels.js';

const VIEW = 'suggestions/views/llm-settings.njk';

export async function suggestionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;

  async function adminOf(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'partnership:settings', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }

  app.get('/staff/partnerships/:id/llm', async (request, reply) => {
    const { params, query } = parseRequest(llmPageRequest, request);
    const { partnership } = await adminOf(request.user, params.id);
    const notice = query.saved === '1' ? 'saved' : query.saved === 'removed' ? 'removed' : undefined;
    return reply.view(VIEW, llmSettingsPage({ partnership, saved: await loadLlmSettings(db, partnership.id), notice }));
  });

  app.post('/staff/partnerships/:id/llm', async (request, reply) => {
    const { params, body } = parseRequest(llmSaveRequest, request);
    const { principal, partnership } = await adminOf(request.user, params.id);
    const settings = { baseUrl: body.baseUrl, model: body.model, apiKey: body.apiKey, removeKey: body.removeKey === 'yes' };
    const saved = await attempt(['validation_failed'], () =>
      saveLlmSettings({ db, actor: actorOf(principal), partnershipId: partnership.id, secret: config.sessionSecret, settings }),
    );
    if (saved.ok) return reply.redirect(`/staff/partnerships/${partnership.id}/llm?saved=1`, 303);
    const page = llmSettingsPage({
      partnership,
      saved: await loadLlmSettings(db, partnership.id),
      entered: { baseUrl: body.baseUrl, model: body.model },
      fields: saved.error.fields,
    });
    return reply.status(422).view(VIEW, page);
  });

  app.post('/staff/partnerships/:id/llm/remove', async (request, reply) => {
    const { params } = parseRequest(llmRemoveRequest, request);
    const { principal, partnership } = await adminOf(request.user, params.id);
    await removeLlmSettings({ db, actor: actorOf(principal), partnershipId: partnership.id });
    return reply.redirect(`/staff/partnerships/${partnership.id}/llm?saved=removed`, 303);
  });
}
