import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Access, respondentAccess } from '../form/access.js';
import { progressOf } from '../form/session.js';
import { findMemberResponse } from '../queries/findMemberResponse.js';
import { alreadyAnsweredPage, closedPage, membersOnlyPage } from './messages.js';
import type { Target } from './resolveTarget.js';

/**
 * The consultation must be open and the respondent allowed to answer it (a signed-in member only once). Otherwise
 * the answer is sent here (a form posted after closing gets a page saying so, a page view goes to the consultation)
 * and the result is undefined.
 */
export async function gate(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply, target: Target): Promise<Access | undefined> {
  if (target.consultation.status !== 'open') {
    if (request.method === 'POST') await closedPage(reply, target);
    else await reply.redirect(target.urls.page, 303);
    return undefined;
  }
  const access = respondentAccess(target.consultation, request.user, progressOf(request, target.consultation.id).invitationId);
  if (access === 'refused') {
    await membersOnlyPage(reply, target);
    return undefined;
  }
  const answered =
    access === 'member' && request.user && (await findMemberResponse(db, target.consultation.partnershipId, target.consultation.id, request.user.id));
  if (answered) {
    await alreadyAnsweredPage(reply, target, answered, request.method === 'POST' ? 409 : 200);
    return undefined;
  }
  return access;
}
