/** The public form: a page of questions at a time, "check your answers", and sending the response. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { attempt } from '../../platform/errors.js';
import { type Placeholders, PrerenderedPages } from '../../platform/prerendered.js';
import { parseRequest } from '../../platform/validation.js';
import { newReference, submitResponse } from '../../responses/index.js';
import { validateAnswers } from '../../surveys/index.js';
import { errorLinks } from '../form/fieldIds.js';
import { formAnswers } from '../form/formAnswers.js';
import { answerCodes, locateScreen, screenAfter, visibleScreens } from '../form/screens.js';
import { progressOf, saveProgress } from '../form/session.js';
import { submitInvitedResponse } from '../invitations/submitInvitedResponse.js';
import { checkFormRequest, consultationPageRequest, questionFormRequest, questionPageRequest } from '../schema.js';
import { changeHref, checkPage, questionContext, skipTo } from './formPages.js';
import { gate } from './gate.js';
import { closedPage, invitationUsedPage } from './messages.js';
import { targetResolver } from './resolveTarget.js';

export async function consultationFormRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { runtimes, writer, config } = services;
  const rateLimit = config.submissionRateLimit > 0 ? { rateLimit: { max: config.submissionRateLimit, timeWindow: '1 minute' } } : undefined;
  const resolve = targetResolver(services.db, runtimes);
  const prerendered = new PrerenderedPages();

  app.get('/p/:slug/:cslug/questions/:screen', async (request, reply) => {
    const { params, query } = parseRequest(questionPageRequest, request);
    const target = await resolve(params);
    if (!(await gate(request, reply, target))) return reply;
    const answers = progressOf(request, target.consultation.id).answers;
    const position = locateScreen(target.definition, answers, params.screen);
    if (!position) return skipTo(reply, target, answers, params.screen);
    const { screen } = position;
    const context = questionContext(target, position, answers, [], query.change);
    const saved = screen.questions.some((q) => answerCodes(q).some((code) => code in answers));
    if (saved || query.change || request.user) return reply.view('consultations/views/public/question-page.njk', context);
    // First visit to this page: the same HTML for everyone but the CSRF token and the CSP nonce.
    const c = target.consultation;
    const key = [
      c.id,
      c.surveyVersion,
      screen.code,
      screen.questions.map((q) => q.code).join(','),
      context.backHref,
      c.title,
      target.partnership.name,
    ].join('|');
    const render = (slots: Placeholders) =>
      app.views.render('consultations/views/public/question-page.njk', {
        ...context,
        user: undefined,
        navigation: [],
        csrfToken: slots.csrf,
        cspNonce: slots.nonce,
      });
    const html = await prerendered.render(key, async (slots) => render(slots), { csrf: reply.generateCsrf(), nonce: reply.cspNonce.script });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/p/:slug/:cslug/questions/:screen', async (request, reply) => {
    const { params, query, body } = parseRequest(questionFormRequest, request);
    const target = await resolve(params);
    if (!(await gate(request, reply, target))) return reply;
    const progress = progressOf(request, target.consultation.id);
    const position = locateScreen(target.definition, progress.answers, params.screen);
    if (!position) return skipTo(reply, target, progress.answers, params.screen);
    const { screen } = position;
    const answers = { ...progress.answers, ...formAnswers(screen.questions, body) };
    const result = validateAnswers(target.definition, answers, { wards: target.wards });
    const errors = result.ok ? [] : errorLinks(screen.questions, result.errors);
    if (errors.length > 0) {
      return reply.status(422).view('consultations/views/public/question-page.njk', questionContext(target, position, answers, errors, query.change));
    }
    saveProgress(request, target.consultation.id, { ...progress, answers });
    const next = screenAfter(target.definition, answers, screen.code);
    // A change made from "check your answers" goes back there, unless it revealed questions not yet answered.
    if (query.change) {
      const revealed = next?.questions.some((q) => answerCodes(q).some((code) => !(code in answers)));
      return reply.redirect(next && revealed ? changeHref(target, next.code) : target.urls.check, 303);
    }
    return reply.redirect(next ? target.urls.question(next.code) : target.urls.check, 303);
  });

  app.get('/p/:slug/:cslug/check', async (request, reply) => {
    const target = await resolve(parseRequest(consultationPageRequest, request).params);
    if (!(await gate(request, reply, target))) return reply;
    const answers = progressOf(request, target.consultation.id).answers;
    const first = visibleScreens(target.definition, answers)[0];
    if (Object.keys(answers).length === 0 && first) return reply.redirect(target.urls.question(first.code), 303);
    return checkPage(reply, target, answers);
  });

  app.post('/p/:slug/:cslug/check', { config: rateLimit }, async (request, reply) => {
    const { params, body } = parseRequest(checkFormRequest, request);
    const target = await resolve(params);
    const access = await gate(request, reply, target);
    if (!access) return reply;
    const c = target.consultation;
    const progress = progressOf(request, c.id);
    if (body.website.trim() !== '') {
      // A filled honeypot: the sender sees the usual confirmation, nothing is stored.
      saveProgress(request, c.id, { answers: {}, reference: newReference() });
      return reply.redirect(target.urls.confirmation, 303);
    }
    const invitationId = access === 'invited' ? progress.invitationId : undefined;
    // A used invitation is a conflict, answered with its own page; a conflict otherwise is not expected.
    const sent = await attempt(invitationId ? ['not_open', 'validation_failed', 'conflict'] : ['not_open', 'validation_failed'], () =>
      invitationId
        ? submitInvitedResponse({
            handle: services.handle,
            runtimes,
            partnershipId: c.partnershipId,
            consultationId: c.id,
            invitationId,
            answers: progress.answers,
          })
        : submitResponse({ runtimes, writer, consultationId: c.id, answers: progress.answers, channel: 'online', requireOpen: true }),
    );
    if (sent.ok) {
      saveProgress(request, c.id, { answers: {}, reference: sent.value.reference });
      return reply.redirect(target.urls.confirmation, 303);
    }
    const { error } = sent;
    if (error.code === 'not_open') return closedPage(reply, target);
    if (error.code === 'validation_failed') return checkPage(reply, target, progress.answers, error.fields);
    return invitationUsedPage(reply, target);
  });
}
