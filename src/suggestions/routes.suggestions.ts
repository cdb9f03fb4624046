/** Suggestions beside the uncoded answers of a question: accept in bulk (as the person's coding), add candidate themes. Thin. */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { codeAnswer, saveTheme, textQuestions, unitStates } from '../coding/index.js';
import { type Consultation, loadConsultation } from '../consultations/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { startLlmRun } from './llm/llmRuns.js';
import { latestLlmRun } from './queries/latestLlmRun.js';
import { loadLlmSettings } from './queries/loadLlmSettings.js';
import { questionSuggestions } from './queries/questionSuggestions.js';
import { acceptRequest, addThemeRequest, llmRunRequest, suggestionsPageRequest } from './schema.js';
import { suggestionsPage } from './viewModels.js';

const VIEW = 'suggestions/views/suggestions.njk';

export async function suggestionPageRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config, handle } = services;

  async function coder(user: Principal | undefined, id: string) {
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    const principal = authorize(user, 'coding:code', consultation.partnershipId);
    return { actor: actorOf(principal), consultation };
  }
  const pagePath = (id: string, question: string) => `/staff/consultations/${id}/coding/suggestions?question=${encodeURIComponent(question)}`;
  const llmState = async (consultation: Consultation, question: string) => ({
    configured: (await loadLlmSettings(db, consultation.partnershipId)) !== undefined,
    run: await latestLlmRun(db, consultation.partnershipId, consultation.id, question),
  });

  app.get('/staff/consultations/:id/coding/suggestions', async (request, reply) => {
    const { params, query } = parseRequest(suggestionsPageRequest, request);
    const { actor, consultation } = await coder(request.user, params.id);
    const questions = await textQuestions(db, consultation);
    const code = query.question ?? questions[0]?.code;
    if (!code) return reply.view(VIEW, suggestionsPage({ consultation, questions, result: undefined, done: undefined }));
    const result = await attempt(['validation_failed'], () => questionSuggestions(handle, actor, consultation, code));
    if (!result.ok) throw notFound('Question');
    const llm = await llmState(consultation, code);
    return reply.view(VIEW, suggestionsPage({ consultation, questions, result: result.value, done: query.done, llm }));
  });

  // The partnership's LLM over the question's uncoded answers: started here, finished in the background.
  app.post('/staff/consultations/:id/coding/suggestions/llm', async (request, reply) => {
    const { params, body } = parseRequest(llmRunRequest, request);
    const { actor, consultation } = await coder(request.user, params.id);
    const started = await attempt(['validation_failed', 'conflict'], () =>
      startLlmRun({ db, actor, consultation, questionCode: body.question, secret: config.sessionSecret }),
    );
    if (started.ok) {
      // The outcome is stored by the run itself; a failure it cannot store is logged, never thrown at the process.
      started.value.finished.catch((err: unknown) => request.log.error({ err }, 'LLM run'));
      return reply.redirect(`${pagePath(consultation.id, body.question)}&done=llm`, 303);
    }
    const questions = await textQuestions(db, consultation);
    const result = await attempt(['validation_failed'], () => questionSuggestions(handle, actor, consultation, body.question));
    if (!result.ok) throw notFound('Question');
    const problems = started.error.fields.length ? started.error.fields : [{ field: 'llm', message: started.error.message }];
    const llm = await llmState(consultation, body.question);
    return reply
      .status(started.error.status)
      .view(VIEW, suggestionsPage({ consultation, questions, result: result.value, done: undefined, problems, llm }));
  });

  app.post('/staff/consultations/:id/coding/suggestions/accept', async (request, reply) => {
    const { params, body } = parseRequest(acceptRequest, request);
    const { actor, consultation } = await coder(request.user, params.id);
    const result = await attempt(['validation_failed'], () => questionSuggestions(handle, actor, consultation, body.question));
    if (!result.ok) throw notFound('Question');
    // Only answers still uncoded and themes still in the codebook: a stale form accepts nothing it should not.
    const byUnit = new Map(result.value.suggestions.map((s) => [s.answer.unitKey, s.answer]));
    const themeIds = new Set(result.value.themes.map((t) => t.id));
    const chosen = new Map<string, string[]>();
    for (const value of body.accept) {
      const [unitKey = '', themeId = ''] = value.split(' ');
      if (!byUnit.has(unitKey) || !themeIds.has(themeId)) continue;
      chosen.set(unitKey, [...(chosen.get(unitKey) ?? []), themeId]);
    }
    const states = await unitStates(db, consultation.partnershipId, consultation.id, 'primary');
    for (const [unitKey, ids] of chosen) {
      const state = states.get(unitKey);
      await codeAnswer({
        db,
        actor,
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        answer: byUnit.get(unitKey) as NonNullable<ReturnType<typeof byUnit.get>>,
        pass: 'primary',
        themeIds: [...(state?.themeIds ?? []), ...ids],
        note: state?.note ?? '',
        quotable: state?.quotable ?? false,
      });
    }
    return reply.redirect(`${pagePath(consultation.id, body.question)}&done=${chosen.size ? 'accepted' : 'none'}`, 303);
  });

  app.post('/staff/consultations/:id/coding/suggestions/themes', async (request, reply) => {
    const { params, body } = parseRequest(addThemeRequest, request);
    const { actor, consultation } = await coder(request.user, params.id);
    const saved = await attempt(['validation_failed'], () =>
      saveTheme({
        db,
        actor,
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        fields: { name: body.name, code: '', description: body.description, parentId: '' },
        origin: 'discovered',
      }),
    );
    if (saved.ok) return reply.redirect(`${pagePath(consultation.id, body.question)}&done=theme`, 303);
    const questions = await textQuestions(db, consultation);
    const result = await attempt(['validation_failed'], () => questionSuggestions(handle, actor, consultation, body.question));
    if (!result.ok) throw notFound('Question');
    return reply
      .status(422)
      .view(VIEW, suggestionsPage({ consultation, questions, result: result.value, done: undefined, problems: saved.error.fields }));
  });
}
