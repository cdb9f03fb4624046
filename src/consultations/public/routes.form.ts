/** The public form: a page of questions at a time, "check your answers", and sending the response. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../app/services.js';
import { attempt } from '../../platform/errors.js';
import { type Placeholders, PrerenderedPages } from '../../platform/prerendered.js';
import { hasStoredSession } from '../../platform/sessionCookie.js';
import { parseRequest } from '../../platform/validation.js';
import { newReference, submitResponse } from '../../responses/index.js';
import { validateAnswers } from '../../surveys/index.js';
import { errorLinks } from '../form/fieldIds.js';
import { formAnswers } from '../form/formAnswers.js';
import { answerCodes, locateScreen, screenAfter, visibleScreens } from '../form/screens.js';
import { progressOf, saveProgress } from '../form/session.js';
import { submitInvitedResponse } from '../invitations/submitInvitedResponse.js';
import { submitMemberResponse } from '../members/submitMemberResponse.js';
import { findMemberResponse } from '../queries/findMemberResponse.js';
import { checkFormRequest, consultationPageRequest, questionFormRequest, questionPageRequest } from '../schema.js';
import { changeHref, checkPage, questionContext, skipTo } from './formPages.js';
import { gate } from './gate.js';
import { alreadyAnsweredPage, closedPage, invitationUsedPage } from './messages.js';
import { confirmationView } from './pages.js';
import { targetResolver } from './resolveTarget.js';

/**
 * A question page saves the answers in the respondent's session, and the first page a browser sends adds its row.
 * Anybody can send that page without a cookie, so new sessions are limited per address (those with a session go
 * on freely); with the 2-hour expiry of anonymous sessions, one address holds at most 20 x 120 = 2,400 rows.
 */
export const NEW_SESSIONS_PER_MINUTE = 20;
const newSessionLimit = {
  max: NEW_SESSIONS_PER_MINUTE,
  timeWindow: '1 minute',
  // After the session has been loaded (and the CSRF token checked), so a request with a stored session is not counted.
  hook: 'preHandler',
  allowList: (request: FastifyRequest) => hasStoredSession(request),
} as const;

export async function consultationFormRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { runtimes, writer, config } = services;
  const rateLimit = config.submissionRateLimit > 0 ? { rateLimit: { max: config.submissionRateLimit, timeWindow: '1 minute' } } : undefined;
  const resolve = targetResolver(services.db, runtimes);
  const prerendered = new PrerenderedPages();

  app.get('/p/:slug/:cslug/questions/:screen', async (request, reply) => {
    const { params, query } = parseRequest(questionPageRequest, request);
    const target = await resolve(params);
    if (!(await gate(services.db, request, reply, target))) return reply;
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

  app.post('/p/:slug/:cslug/questions/:screen', { config: { rateLimit: newSessionLimit } }, async (request, reply) => {
    const { params, query, body } = parseRequest(questionFormRequest, request);
    const target = await resolve(params);
    if (!(await gate(services.db, request, reply, target))) return reply;
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
    if (!(await gate(services.db, request, reply, target))) return reply;
    const answers = progressOf(request, target.consultation.id).answers;
    const first = visibleScreens(target.definition, answers)[0];
    if (Object.keys(answers).length === 0 && first) return reply.redirect(target.urls.question(first.code), 303);
    return checkPage(reply, target, answers);
  });

  app.post('/p/:slug/:cslug/check', { config: rateLimit }, async (request, reply) => {
    const { params, body } = parseRequest(checkFormRequest, request);
    const target = await resolve(params);
    const access = await gate(services.db, request, reply, target);
    if (!access) return reply;
    const c = target.consultation;
    const progress = progressOf(request, c.id);
    if (body.website.trim() !== '') {
      // A filled honeypot: the sender sees a confirmation like any other, and nothing is stored, not even a session.
      return reply.view('consultations/views/public/confirmation.njk', confirmationView(target, newReference()));
    }
    const invitationId = access === 'invited' ? progress.invitationId : undefined;
    const memberId = access === 'member' ? request.user?.id : undefined;
    const answered = { handle: services.handle, runtimes, partnershipId: c.partnershipId, consultationId: c.id, answers: progress.answers };
    // A used invitation or a member's second response is a conflict, answered with its own page; otherwise none is expected.
    const sent = await attempt(invitationId || memberId ? ['not_open', 'validation_failed', 'conflict'] : ['not_open', 'validation_failed'], () =>
      invitationId
        ? submitInvitedResponse({ ...answered, invitationId })
        : memberId
          ? submitMemberResponse({ ...answered, userId: memberId })
          : submitResponse({ runtimes, writer, consultationId: c.id, answers: progress.answers, channel: 'online', requireOpen: true }),
    );
    if (sent.ok) {
      saveProgress(request, c.id, { answers: {}, reference: sent.value.reference });
      return reply.redirect(target.urls.confirmation, 303);
    }
    const { error } = sent;
    if (error.code === 'not_open') return closedPage(reply, target);
    if (error.code === 'validation_failed') return checkPage(reply, target, progress.answers, error.fields);
    if (invitationId) return invitationUsedPage(reply, target);
    // The gate found no response a moment ago: another submission of this member's got in first.
    const first = memberId && (await findMemberResponse(services.db, c.partnershipId, c.id, memberId));
    if (!first) throw error;
    return alreadyAnsweredPage(reply, target, first, 409);
  });
}
