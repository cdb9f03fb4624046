import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../app/services.js';
import { listPartnerships } from '../partnerships/index.js';
import { attempt, type FieldError } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { actorOf } from './actorOf.js';
import { changeUserRole } from './changeUserRole.js';
import { createUser } from './createUser.js';
import { issuePasswordReset } from './issuePasswordReset.js';
import { managedUser } from './manageUser.js';
import { authorize, type Principal } from './policy.js';
import { listUsers } from './queries/listUsers.js';
import { twoStepStatus } from './queries/twoStepStatus.js';
import { removeUser } from './removeUser.js';
import {
  type Change,
  newUserRequest,
  userPageRequest,
  userPasswordRequest,
  userRemoveRequest,
  userResetLinkRequest,
  userRoleRequest,
  userStatusRequest,
  usersPageRequest,
  userTwoStepResetRequest,
} from './schema.js';
import { setUserDisabled } from './setUserDisabled.js';
import { setUserPassword } from './setUserPassword.js';
import { resetTwoStep } from './twoStep/resetTwoStep.js';
import { removeUserPage, resetLinkPage, type UsersPageInput, userPage, usersPage } from './viewModels.js';

const NO_PUBLIC_URL =
  'Reset links need the address people reach this site at: ask whoever runs SaferPlan to set PUBLIC_URL (for example https://safety.example.gov.uk)';

/** Administrators manage the users of their own partnerships; another partnership's user is not found. */
export async function userRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/staff/users', async (request, reply) => {
    const user = authorize(request.user, 'user:manage');
    const { query } = parseRequest(usersPageRequest, request);
    return renderUsers(reply, user.partnershipIds, {}, [], query.removed ? 'The user was removed and signed out.' : undefined, query.added);
  });

  app.post('/staff/users', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { body } = parseRequest(newUserRequest, request);
    if (!actor.partnershipIds.includes(body.partnership)) {
      return renderUsers(reply.status(422), actor.partnershipIds, body, [{ field: 'partnership', message: 'Select a partnership you belong to' }]);
    }
    const created = await attempt(['validation_failed', 'conflict'], () =>
      createUser({ db, actor: actorOf(actor), user: { ...body, partnershipIds: [body.partnership] }, visiblePartnershipIds: actor.partnershipIds }),
    );
    if (created.ok) return reply.redirect(`/staff/users?added=${created.value.id}`, 303);
    // A duplicate email is a conflict with no fields of its own: shown against the email.
    const { error } = created;
    return renderUsers(
      reply.status(422),
      actor.partnershipIds,
      body,
      error.fields.length ? error.fields : [{ field: 'email', message: error.message }],
    );
  });

  async function renderUsers(
    reply: FastifyReply,
    partnershipIds: readonly string[],
    values: UsersPageInput['values'],
    fields: FieldError[],
    notice?: string,
    added?: string,
  ) {
    const [partnerships, users] = await Promise.all([listPartnerships(db, partnershipIds), listUsers(db, partnershipIds)]);
    return reply.view('accounts/views/users.njk', usersPage({ users, partnerships, values, fields, notice, added }));
  }

  async function renderUser(reply: FastifyReply, actor: Principal, id: string, changed?: Change, fields: FieldError[] = []) {
    const user = await managedUser(db, { id }, actor.partnershipIds);
    const [partnerships, twoStep] = await Promise.all([listPartnerships(db, actor.partnershipIds), twoStepStatus(db, user.id)]);
    return reply.view('accounts/views/user.njk', userPage({ user, twoStep, partnerships, changed, fields }));
  }

  app.get('/staff/users/:id', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params, query } = parseRequest(userPageRequest, request);
    return renderUser(reply, actor, params.id, query.changed);
  });

  /** Runs a change; on success back to the user's page saying what changed, on refusal the page again with the reason. */
  async function change(reply: FastifyReply, actor: Principal, id: string, field: string, work: () => Promise<{ id: string }>, changed: Change) {
    const done = await attempt(['validation_failed', 'conflict'], work);
    if (done.ok) return reply.redirect(`/staff/users/${done.value.id}?changed=${changed}`, 303);
    const { error } = done;
    return renderUser(reply.status(422), actor, id, undefined, error.fields.length ? error.fields : [{ field, message: error.message }]);
  }

  app.post('/staff/users/:id/status', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params, body } = parseRequest(userStatusRequest, request);
    const disabled = body.status === 'disabled';
    const work = () => setUserDisabled({ db, actor: actorOf(actor), user: { id: params.id }, scope: actor.partnershipIds, disabled });
    return change(reply, actor, params.id, 'status', work, body.status);
  });

  app.post('/staff/users/:id/role', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params, body } = parseRequest(userRoleRequest, request);
    const work = () => changeUserRole({ db, actor: actorOf(actor), user: { id: params.id }, scope: actor.partnershipIds, role: body.role });
    return change(reply, actor, params.id, 'role', work, 'role');
  });

  app.post('/staff/users/:id/password', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params, body } = parseRequest(userPasswordRequest, request);
    const keepSessionId = params.id === actor.id ? request.session.sessionId : undefined;
    const work = () =>
      setUserPassword({ db, actor: actorOf(actor), user: { id: params.id }, scope: actor.partnershipIds, password: body.password, keepSessionId });
    return change(reply, actor, params.id, 'password', work, 'password');
  });

  // A lost phone: the user's two-step verification is turned off and they are signed out, to set it up again.
  app.post('/staff/users/:id/two-step/reset', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params } = parseRequest(userTwoStepResetRequest, request);
    const keepSessionId = params.id === actor.id ? request.session.sessionId : undefined;
    const work = () => resetTwoStep({ db, actor: actorOf(actor), user: { id: params.id }, scope: actor.partnershipIds, keepSessionId });
    return change(reply, actor, params.id, 'twoStep', work, 'two-step');
  });

  // The link is shown once, on this page, to give to the user: SaferPlan sends no email. Built from PUBLIC_URL, never the request.
  app.post('/staff/users/:id/reset-link', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params } = parseRequest(userResetLinkRequest, request);
    const { publicUrl } = services.config;
    if (!publicUrl) {
      await managedUser(db, { id: params.id }, actor.partnershipIds);
      return renderUser(reply.status(422), actor, params.id, undefined, [{ field: 'resetLink', message: NO_PUBLIC_URL }]);
    }
    const made = await attempt(['conflict'], () =>
      issuePasswordReset({ db, actor: actorOf(actor), user: { id: params.id }, scope: actor.partnershipIds }),
    );
    if (!made.ok) return renderUser(reply.status(422), actor, params.id, undefined, [{ field: 'resetLink', message: made.error.message }]);
    const { path, expiresAt, ...user } = made.value;
    return reply.view('accounts/views/reset-link.njk', resetLinkPage(user, `${publicUrl}${path}`, expiresAt));
  });

  app.get('/staff/users/:id/remove', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params } = parseRequest(userRemoveRequest, request);
    return reply.view('accounts/views/user-remove.njk', removeUserPage(await managedUser(db, { id: params.id }, actor.partnershipIds)));
  });

  app.post('/staff/users/:id/remove', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { params } = parseRequest(userRemoveRequest, request);
    const removed = await attempt(['conflict'], () =>
      removeUser({ db, actor: actorOf(actor), user: { id: params.id }, scope: actor.partnershipIds }),
    );
    if (removed.ok) return reply.redirect('/staff/users?removed=1', 303);
    const user = await managedUser(db, { id: params.id }, actor.partnershipIds);
    return reply.status(422).view('accounts/views/user-remove.njk', removeUserPage(user, [{ field: 'remove', message: removed.error.message }]));
  });
}
