import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../app/services.js';
import { listPartnerships } from '../partnerships/index.js';
import { attempt, type FieldError } from '../platform/errors.js';
import { parseRequest, toFieldErrors } from '../platform/validation.js';
import { actorOf } from './actorOf.js';
import { authenticate } from './authenticate.js';
import { createUser } from './createUser.js';
import { authorize } from './policy.js';
import { listAuditLog } from './queries/listAuditLog.js';
import { listUsers } from './queries/listUsers.js';
import { newUserRequest, signInPageRequest, signInRequest, signInSchema } from './schema.js';
import { auditPage, signInPage, type UsersPageInput, usersPage } from './viewModels.js';

export async function accountRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;

  app.get('/sign-in', async (request, reply) => {
    const { query } = parseRequest(signInPageRequest, request);
    return reply.view('accounts/views/sign-in.njk', signInPage(query.next));
  });

  app.post(
    '/sign-in',
    { config: config.signInRateLimit > 0 ? { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } } : {} },
    async (request, reply) => {
      const { body } = parseRequest(signInRequest, request);
      const { next } = body;
      const parsed = signInSchema.safeParse(body);
      const show = (fields: FieldError[]) => reply.status(422).view('accounts/views/sign-in.njk', signInPage(next, body.email, fields));
      if (!parsed.success) return show(toFieldErrors(parsed.error));
      const user = await authenticate(db, parsed.data.email, parsed.data.password);
      if (!user) {
        request.log.info({ event: 'sign_in_failed' }, 'sign-in failed');
        return show([{ field: 'email', message: 'Enter a correct email address and password' }]);
      }
      await request.session.regenerate();
      request.session.userId = user.id;
      return reply.redirect(next, 303);
    },
  );

  app.post('/sign-out', async (request, reply) => {
    await request.session.destroy();
    return reply.redirect('/', 303);
  });

  app.get('/staff/users', async (request, reply) => {
    const user = authorize(request.user, 'user:manage');
    return renderUsers(reply, user.partnershipIds, {}, []);
  });

  app.post('/staff/users', async (request, reply) => {
    const actor = authorize(request.user, 'user:manage');
    const { body } = parseRequest(newUserRequest, request);
    if (!actor.partnershipIds.includes(body.partnership)) {
      return renderUsers(reply.status(422), actor.partnershipIds, body, [{ field: 'partnership', message: 'Select a partnership you belong to' }]);
    }
    const created = await attempt(['validation_failed', 'conflict'], () =>
      createUser({ db, actor: actorOf(actor), user: { ...body, partnershipIds: [body.partnership] } }),
    );
    if (created.ok) return reply.redirect('/staff/users', 303);
    // A duplicate email is a conflict with no fields of its own: shown against the email.
    const { error } = created;
    return renderUsers(
      reply.status(422),
      actor.partnershipIds,
      body,
      error.fields.length ? error.fields : [{ field: 'email', message: error.message }],
    );
  });

  async function renderUsers(reply: FastifyReply, partnershipIds: readonly string[], values: UsersPageInput['values'], fields: FieldError[]) {
    const [partnerships, users] = await Promise.all([listPartnerships(db, partnershipIds), listUsers(db, partnershipIds)]);
    return reply.view('accounts/views/users.njk', usersPage({ users, partnerships, values, fields }));
  }

  app.get('/staff/audit', async (request, reply) => {
    const user = authorize(request.user, 'audit:view');
    return reply.view('accounts/views/audit.njk', auditPage(await listAuditLog(db, user.partnershipIds)));
  });
}
