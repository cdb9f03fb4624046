import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app/services.js';
import { findPartnership, listPlanThemes, type Partnership } from '../partnerships/index.js';
import { AppError, notFound } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { CSRF_PLACEHOLDER, NONCE_PLACEHOLDER, PrerenderedPages } from '../platform/prerendered.js';
import { TtlCache } from '../platform/ttlCache.js';
import { parseRequest } from '../platform/validation.js';
import { newReference, notOpenError, submitResponse } from '../responses/index.js';
import { validateAnswers } from '../surveys/index.js';
import { type Access, respondentAccess } from './form/access.js';
import { checkErrorLinks } from './form/checkErrors.js';
import { type ErrorLink, errorLinks } from './form/fieldIds.js';
import { formAnswers } from './form/formAnswers.js';
import { hubEntries } from './form/hub.js';
import { answerCodes, locateScreen, type Screen, type ScreenPosition, screenAfter, surveyScreens, visibleScreens } from './form/screens.js';
import { progressOf, saveProgress } from './form/session.js';
import { summaryRows } from './form/summary.js';
import { type ConsultationUrls, consultationUrls } from './form/urls.js';
import { findInvitationByToken } from './invitations/findInvitation.js';
import { submitInvitedResponse } from './invitations/submitInvitedResponse.js';
import { findConsultationId } from './queries/findConsultationId.js';
import { listConsultations } from './queries/listConsultations.js';
import type { ConsultationRuntime } from './runtime.js';
import { checkFormRequest, consultationPageRequest, hubRequest, invitationLinkRequest, questionFormRequest, questionPageRequest } from './schema.js';
import { STATUS_LABELS } from './status.js';

const VIEWS = 'consultations/views/public';

interface Target extends ConsultationRuntime {
  partnership: Partnership;
  urls: ConsultationUrls;
}

/** The respondent's side: the hub, each consultation's page, its question pages, check answers and confirmation. */
export async function consultationPublicRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes, writer, config } = services;
  const rateLimit = config.submissionRateLimit > 0 ? { rateLimit: { max: config.submissionRateLimit, timeWindow: '1 minute' } } : undefined;
  // Slugs to ids for a few seconds, so a question page needs no query (the runtime cache holds the rest).
  const lookups = new TtlCache<{ partnership: Partnership; consultationId: string } | undefined>(5000);
  const prerendered = new PrerenderedPages();

  async function resolve(params: { slug: string; cslug: string }): Promise<Target> {
    const key = `${params.slug}/${params.cslug}`;
    const found = await lookups.get(key, async () => {
      const partnership = await findPartnership(db, params.slug);
      if (!partnership) return undefined;
      const consultationId = await findConsultationId(db, partnership.id, params.cslug);
      return consultationId ? { partnership, consultationId } : undefined;
    });
    if (!found) lookups.delete(key);
    const runtime = found && (await runtimes.get(found.consultationId));
    if (!found || !runtime || runtime.consultation.status === 'draft') throw notFound('Consultation');
    return { ...runtime, partnership: found.partnership, urls: consultationUrls(found.partnership.slug, runtime.consultation.slug) };
  }

  const message = (reply: FastifyReply, status: number, t: Target, title: string, paragraphs: string[], link?: { href: string; text: string }) =>
    reply.status(status).view(`${VIEWS}/message.njk`, { title, paragraphs, link, partnership: t.partnership });

  const closedPage = (reply: FastifyReply, t: Target) =>
    message(
      reply,
      409,
      t,
      t.consultation.status === 'scheduled' ? 'This consultation is not open yet' : 'This consultation has closed',
      [notOpenError(t).message, 'Your answers have not been sent.'],
      {
        href: t.urls.page,
        text: `About ${t.consultation.title}`,
      },
    );

  const membersOnly = (reply: FastifyReply, t: Target) =>
    message(
      reply,
      403,
      t,
      'This survey is for elected members',
      [
        `${t.consultation.title} is answered by elected members of the council only.`,
        'If you are a member, sign in or use the personal link in your invitation email.',
      ],
      { href: t.urls.signIn, text: 'Sign in' },
    );

  /** The consultation must be open and the respondent allowed to answer; otherwise the page that explains why. */
  async function gate(request: FastifyRequest, reply: FastifyReply, t: Target): Promise<Access | undefined> {
    if (t.consultation.status !== 'open') {
      // A form sent after closing gets a page saying so (the answers stay in the session); a page view goes to the consultation.
      if (request.method === 'POST') await closedPage(reply, t);
      else await reply.redirect(t.urls.page, 303);
      return undefined;
    }
    const access = respondentAccess(t.consultation, request.user, progressOf(request, t.consultation.id).invitationId);
    if (access === 'refused') {
      await membersOnly(reply, t);
      return undefined;
    }
    return access;
  }

  app.get('/p/:slug', async (request, reply) => {
    const partnership = await findPartnership(db, parseRequest(hubRequest, request).params.slug);
    if (!partnership) throw notFound('Partnership');
    const [consultations, themes] = await Promise.all([listConsultations(db, partnership.id), listPlanThemes(db, partnership.id)]);
    return reply.view(`${VIEWS}/hub.njk`, { title: 'Community safety', partnership, themes, ...hubEntries(partnership.slug, consultations) });
  });

  app.get('/p/:slug/:cslug', async (request, reply) => {
    const t = await resolve(parseRequest(consultationPageRequest, request).params);
    const c = t.consultation;
    const first = visibleScreens(t.definition, progressOf(request, c.id).answers)[0];
    const access = respondentAccess(c, request.user, progressOf(request, c.id).invitationId);
    return reply.view(`${VIEWS}/consultation.njk`, {
      title: c.title,
      partnership: t.partnership,
      consultation: c,
      statusLabel: STATUS_LABELS[c.status],
      opens: formatLondon(c.opensAt),
      closes: formatLondon(c.closesAt),
      isPublic: c.audiences.includes('public'),
      canStart: access !== 'refused',
      startHref: first ? t.urls.question(first.code) : t.urls.check,
      signInHref: t.urls.signIn,
      hubHref: t.urls.hub,
      estimate: `There are ${surveyScreens(t.definition).length} short pages of questions. Most questions are optional.`,
    });
  });

  app.get('/p/:slug/:cslug/questions/:screen', async (request, reply) => {
    const { params, query } = parseRequest(questionPageRequest, request);
    const t = await resolve(params);
    if (!(await gate(request, reply, t))) return reply;
    const answers = progressOf(request, t.consultation.id).answers;
    const position = locateScreen(t.definition, answers, params.screen);
    if (!position) return skipTo(reply, t, answers, params.screen);
    const { screen } = position;
    const changing = query.change;
    const context = questionContext(t, position, answers, [], changing);
    const saved = screen.questions.some((q) => answerCodes(q).some((code) => code in answers));
    if (saved || changing || request.user) return reply.view(`${VIEWS}/question-page.njk`, context);
    // First visit to this page: the same HTML for everyone but the CSRF token and the CSP nonce.
    const c = t.consultation;
    const key = [
      c.id,
      c.surveyVersion,
      screen.code,
      screen.questions.map((q) => q.code).join(','),
      context.backHref,
      c.title,
      t.partnership.name,
    ].join('|');
    const html = await prerendered.render(
      key,
      async () =>
        app.views.render(`${VIEWS}/question-page.njk`, {
          ...context,
          user: undefined,
          navigation: [],
          csrfToken: CSRF_PLACEHOLDER,
          cspNonce: NONCE_PLACEHOLDER,
        }),
      { csrf: reply.generateCsrf(), nonce: reply.cspNonce.script },
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/p/:slug/:cslug/questions/:screen', async (request, reply) => {
    const { params, query, body } = parseRequest(questionFormRequest, request);
    const t = await resolve(params);
    if (!(await gate(request, reply, t))) return reply;
    const progress = progressOf(request, t.consultation.id);
    const position = locateScreen(t.definition, progress.answers, params.screen);
    if (!position) return skipTo(reply, t, progress.answers, params.screen);
    const { screen } = position;
    const answers = { ...progress.answers, ...formAnswers(screen.questions, body) };
    const result = validateAnswers(t.definition, answers, { wards: t.wards });
    const errors = result.ok ? [] : errorLinks(screen.questions, result.errors);
    const changing = query.change;
    if (errors.length > 0) {
      return reply.status(422).view(`${VIEWS}/question-page.njk`, questionContext(t, position, answers, errors, changing));
    }
    saveProgress(request, t.consultation.id, { ...progress, answers });
    const next = screenAfter(t.definition, answers, screen.code);
    // A change made from "check your answers" goes back there, unless it revealed questions not yet answered.
    if (changing) {
      const revealed = next?.questions.some((q) => answerCodes(q).some((code) => !(code in answers)));
      return reply.redirect(next && revealed ? changeHref(t, next.code) : t.urls.check, 303);
    }
    return reply.redirect(next ? t.urls.question(next.code) : t.urls.check, 303);
  });

  const changeHref = (t: Target, code: string) => `${t.urls.question(code)}?change=1`;

  function questionContext(
    t: Target,
    { screen, previous }: ScreenPosition,
    values: Record<string, unknown>,
    errors: ErrorLink[] = [],
    changing = false,
  ) {
    return {
      title: `${screen.title} – ${t.consultation.title}`,
      partnership: t.partnership,
      consultation: t.consultation,
      screen,
      wards: t.wards,
      backHref: changing ? t.urls.check : previous ? t.urls.question(previous.code) : t.urls.page,
      formAction: changing ? changeHref(t, screen.code) : t.urls.question(screen.code),
      values,
      fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
      errors,
    };
  }

  /** A page with nothing to show now (its questions hidden by earlier answers) passes on to the next one. */
  function skipTo(reply: FastifyReply, t: Target, answers: Record<string, unknown>, code: string) {
    if (!surveyScreens(t.definition).some((s) => s.code === code)) throw notFound('Page');
    const next = screenAfter(t.definition, answers, code);
    return reply.redirect(next ? t.urls.question(next.code) : t.urls.check, 303);
  }

  function renderCheck(reply: FastifyReply, t: Target, answers: Record<string, unknown>, problems: { field: string; message: string }[] = []) {
    const screens = visibleScreens(t.definition, answers);
    const hrefFor = (s: Screen) => changeHref(t, s.code);
    const sections: { title: string; rows: ReturnType<typeof summaryRows> }[] = [];
    for (const s of screens) {
      const rows = summaryRows([s], answers, t.wards, hrefFor);
      const last = sections.at(-1);
      if (last && last.title === s.title) last.rows.push(...rows);
      else sections.push({ title: s.title, rows });
    }
    const lastScreen = screens.at(-1);
    return reply.status(problems.length ? 422 : 200).view(`${VIEWS}/check.njk`, {
      title: 'Check your answers',
      partnership: t.partnership,
      consultation: t.consultation,
      sections,
      errors: checkErrorLinks(screens, problems, hrefFor),
      backHref: lastScreen ? hrefFor(lastScreen) : t.urls.page,
      formAction: t.urls.check,
      privacyHref: t.urls.privacy,
    });
  }

  app.get('/p/:slug/:cslug/check', async (request, reply) => {
    const t = await resolve(parseRequest(consultationPageRequest, request).params);
    if (!(await gate(request, reply, t))) return reply;
    const answers = progressOf(request, t.consultation.id).answers;
    const first = visibleScreens(t.definition, answers)[0];
    if (Object.keys(answers).length === 0 && first) return reply.redirect(t.urls.question(first.code), 303);
    return renderCheck(reply, t, answers);
  });

  app.post('/p/:slug/:cslug/check', { config: rateLimit }, async (request, reply) => {
    const { params, body } = parseRequest(checkFormRequest, request);
    const t = await resolve(params);
    const access = await gate(request, reply, t);
    if (!access) return reply;
    const c = t.consultation;
    const progress = progressOf(request, c.id);
    if (body.website.trim() !== '') {
      // A filled honeypot: the sender sees the usual confirmation, nothing is stored.
      saveProgress(request, c.id, { answers: {}, reference: newReference() });
      return reply.redirect(t.urls.confirmation, 303);
    }
    const invitationId = access === 'invited' ? progress.invitationId : undefined;
    let reference: string;
    try {
      ({ reference } = invitationId
        ? await submitInvitedResponse({
            handle: services.handle,
            runtimes,
            partnershipId: c.partnershipId,
            consultationId: c.id,
            invitationId,
            answers: progress.answers,
          })
        : await submitResponse({ runtimes, writer, consultationId: c.id, answers: progress.answers, channel: 'online', requireOpen: true }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_open') return closedPage(reply, t);
      if (err instanceof AppError && err.code === 'validation_failed') return renderCheck(reply, t, progress.answers, err.fields);
      if (err instanceof AppError && err.code === 'conflict' && invitationId) return invitationUsed(reply, t);
      throw err;
    }
    saveProgress(request, c.id, { answers: {}, reference });
    return reply.redirect(t.urls.confirmation, 303);
  });

  app.get('/p/:slug/:cslug/confirmation', async (request, reply) => {
    const t = await resolve(parseRequest(consultationPageRequest, request).params);
    const reference = progressOf(request, t.consultation.id).reference;
    if (!reference) return reply.redirect(t.urls.page, 303);
    return reply.view(`${VIEWS}/confirmation.njk`, {
      title: 'Response submitted',
      partnership: t.partnership,
      consultation: t.consultation,
      reference,
      closes: formatLondon(t.consultation.closesAt),
      consultationHref: t.urls.page,
    });
  });

  const invitationUsed = (reply: FastifyReply, t: Target) =>
    message(
      reply,
      410,
      t,
      'This invitation has already been used',
      [
        'Each invitation link can be used for one response, and a response has already been sent with this one.',
        'If you did not send it, contact the Community Safety Partnership.',
      ],
      {
        href: t.urls.page,
        text: `About ${t.consultation.title}`,
      },
    );

  app.get('/p/:slug/:cslug/invitation/:token', async (request, reply) => {
    const { params } = parseRequest(invitationLinkRequest, request);
    const t = await resolve(params);
    const invitation = await findInvitationByToken(db, t.consultation.partnershipId, t.consultation.id, params.token);
    if (!invitation) {
      return message(reply, 404, t, 'This invitation link is not valid', ['Check that you copied the whole link from your invitation email.'], {
        href: t.urls.signIn,
        text: 'Sign in instead',
      });
    }
    if (invitation.responseReference) return invitationUsed(reply, t);
    const progress = progressOf(request, t.consultation.id);
    saveProgress(request, t.consultation.id, { ...progress, invitationId: invitation.id });
    const first = visibleScreens(t.definition, progress.answers)[0];
    return reply.redirect(t.consultation.status === 'open' && first ? t.urls.question(first.code) : t.urls.page, 303);
  });
}
