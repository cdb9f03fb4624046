/** The public form's pages: a question page, "check your answers", and where a page with nothing to ask passes on to. */
import type { FastifyReply } from 'fastify';
import { type FieldError, notFound } from '../../platform/errors.js';
import { checkErrorLinks } from '../form/checkErrors.js';
import type { ErrorLink } from '../form/fieldIds.js';
import type { RawAnswers } from '../form/formAnswers.js';
import { questionFields } from '../form/questionFields.js';
import { type Screen, type ScreenPosition, screenAfter, surveyScreens, visibleScreens } from '../form/screens.js';
import { summaryRows } from '../form/summary.js';
import type { Target } from './resolveTarget.js';
import { whoSeesAnswers } from './whoSeesAnswers.js';

/** A question page opened from "check your answers", which goes back there once answered. */
export const changeHref = (target: Target, code: string) => `${target.urls.question(code)}?change=1`;

export function questionContext(
  target: Target,
  { screen, previous }: ScreenPosition,
  values: RawAnswers,
  errors: ErrorLink[] = [],
  changing = false,
) {
  const { urls } = target;
  return {
    title: `${screen.title} – ${target.consultation.title}`,
    partnership: target.partnership,
    consultation: target.consultation,
    screen: { code: screen.code, title: screen.title, intro: screen.intro },
    // Said on the first page, where a personal invitation link lands, before anything is answered.
    answersNotice: previous ? undefined : whoSeesAnswers(target.consultation.audiences, target.partnership.name),
    backHref: changing ? urls.check : previous ? urls.question(previous.code) : urls.page,
    formAction: changing ? changeHref(target, screen.code) : urls.question(screen.code),
    fields: questionFields(screen.questions, values, Object.fromEntries(errors.map((e) => [e.field, e.text])), target.wards),
    errors,
  };
}
export type QuestionPage = ReturnType<typeof questionContext>;

/** A page with nothing to show now (its questions hidden by earlier answers) passes on to the next one. */
export function skipTo(reply: FastifyReply, target: Target, answers: RawAnswers, code: string) {
  if (!surveyScreens(target.definition).some((s) => s.code === code)) throw notFound('Page');
  const next = screenAfter(target.definition, answers, code);
  return reply.redirect(next ? target.urls.question(next.code) : target.urls.check, 303);
}

/** Every answer, by page (pages sharing a title shown as one), each with its "Change" link, and the problems found. */
export function checkView(target: Target, answers: RawAnswers, problems: readonly FieldError[] = []) {
  const screens = visibleScreens(target.definition, answers);
  const hrefFor = (s: Screen) => changeHref(target, s.code);
  const sections: { title: string; rows: ReturnType<typeof summaryRows> }[] = [];
  for (const s of screens) {
    const rows = summaryRows([s], answers, target.wards, hrefFor);
    const last = sections.at(-1);
    if (last && last.title === s.title) last.rows.push(...rows);
    else sections.push({ title: s.title, rows });
  }
  const lastScreen = screens.at(-1);
  return {
    title: 'Check your answers',
    partnership: target.partnership,
    consultation: target.consultation,
    sections,
    errors: checkErrorLinks(screens, problems, hrefFor),
    backHref: lastScreen ? hrefFor(lastScreen) : target.urls.page,
    formAction: target.urls.check,
    privacyHref: target.urls.privacy,
    answersNotice: whoSeesAnswers(target.consultation.audiences, target.partnership.name),
  };
}

/** "Check your answers": 422 when sending found problems, listed with links to the pages that hold them. */
export const checkPage = (reply: FastifyReply, target: Target, answers: RawAnswers, problems: FieldError[] = []) =>
  reply.status(problems.length ? 422 : 200).view('consultations/views/public/check.njk', checkView(target, answers, problems));
