/** The public form's pages that explain why someone cannot go on: not open, members only, an invitation used or unknown. */
import type { FastifyReply } from 'fastify';
import { formatLondon } from '../../platform/londonTime.js';
import { notOpenError } from '../../responses/index.js';
import type { MemberResponse } from '../queries/findMemberResponse.js';
import type { Target } from './resolveTarget.js';

const link = (href: string, text: string) => ({ href, text });

/** A short page saying why, with the one link that helps. */
export const messageView = (target: Target, title: string, paragraphs: readonly string[], next: { href: string; text: string }) => ({
  title,
  paragraphs,
  link: next,
  partnership: target.partnership,
});

const messagePage = (reply: FastifyReply, status: number, ...view: Parameters<typeof messageView>) =>
  reply.status(status).view('consultations/views/public/message.njk', messageView(...view));

/** A form sent after closing (or before opening): the answers stay in the session. */
export const closedPage = (reply: FastifyReply, target: Target) =>
  messagePage(
    reply,
    409,
    target,
    target.consultation.status === 'scheduled' ? 'This consultation is not open yet' : 'This consultation has closed',
    [notOpenError(target).message, 'Your answers have not been sent.'],
    link(target.urls.page, `About ${target.consultation.title}`),
  );

export const membersOnlyPage = (reply: FastifyReply, target: Target) =>
  messagePage(
    reply,
    403,
    target,
    'This survey is for elected members',
    [
      `${target.consultation.title} is answered by elected members of the council only.`,
      'If you are a member, sign in or use the personal link in your invitation email.',
    ],
    link(target.urls.signIn, 'Sign in'),
  );

export const invitationUsedPage = (reply: FastifyReply, target: Target) =>
  messagePage(
    reply,
    410,
    target,
    'This invitation has already been used',
    [
      'Each invitation link can be used for one response, and a response has already been sent with this one.',
      'If you did not send it, contact the Community Safety Partnership.',
    ],
    link(target.urls.page, `About ${target.consultation.title}`),
  );

/** A member's second attempt at a survey answered once each: a form sent again is a conflict, a page view is not. */
export const alreadyAnsweredPage = (reply: FastifyReply, target: Target, answered: MemberResponse, status: 200 | 409) =>
  messagePage(
    reply,
    status,
    target,
    'You have already answered this survey',
    [
      `You sent your response on ${formatLondon(answered.submittedAt)}. Your reference number is ${answered.reference}.`,
      'Each member can answer once. If you need to change your answers, contact the Community Safety Partnership and give your reference number.',
    ],
    link(target.urls.page, `About ${target.consultation.title}`),
  );

export const invitationUnknownPage = (reply: FastifyReply, target: Target) =>
  messagePage(
    reply,
    404,
    target,
    'This invitation link is not valid',
    ['Check that you copied the whole link from your invitation email.'],
    link(target.urls.signIn, 'Sign in instead'),
  );
