import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../app/services.js';
import { listPartnerships } from '../partnerships/index.js';
import { attempt } from '../platform/errors.js';
import { errorSummaryItems, messagesByField, parseRequest, toFieldErrors } from '../platform/validation.js';
import { actorOf } from './actorOf.js';
import { authenticate } from './authenticate.js';
import { createUser } from './createUser.js';
import { authorize } from './policy.js';
import { listAuditLog } from './queries/listAuditLog.js';
import { listUsers } from './queries/listUsers.js';
import { ROLE_LABELS, ROLES } from './roles.js';
import { newUserRequest, signInPageRequest, signInRequest, signInSchema } from './schema.js';

export async function accountRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;

  app.get('/sign-in', async (request, reply) => {
    const { query } = parseRequest(signInPageRequest, request);
    return reply.view('accounts/views/sign-in.njk', { title: 'Sign in', next: query.next, values: {}, fieldErrors: {} });
  });

  app.post(
    '/sign-in',
    { config: config.signInRateLimit > 0 ? { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } } : {} },
    async (request, reply) => {
      const { body } = parseRequest(signInRequest, request);
      const { next } = body;
      const parsed = signInSchema.safeParse(body);
      const show = (fields: { field: string; message: string }[]) =>
        reply.status(422).view('accounts/views/sign-in.njk', {
          title: 'Sign in',
          next,
          values: { email: body.email },
          errors: errorSummaryItems(fields),
          fieldErrors: messagesByField(fields),
        });
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

  async function renderUsers(
    reply: FastifyReply,
    partnershipIds: readonly string[],
    values: Record<string, unknown>,
    fields: { field: string; message: string }[],
  ) {
    const partnerships = await listPartnerships(db, partnershipIds);
    const names = new Map(partnerships.map((p) => [p.id, p.name]));
    const users = (await listUsers(db, partnershipIds)).map((u) => ({
      ...u,
      partnershipNames: u.partnershipIds.map((id) => names.get(id) ?? id).join(', '),
    }));
    return reply.view('accounts/views/users.njk', {
      title: 'Users',
      users,
      roleLabels: ROLE_LABELS,
      roleItems: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], selected: values.role === r })),
      partnershipItems: partnerships.map((p) => ({ value: p.id, text: p.name, selected: values.partnership === p.id })),
      values: { email: values.email, name: values.name },
      errors: errorSummaryItems(fields),
      fieldErrors: messagesByField(fields),
    });
  }

  app.get('/staff/audit', async (request, reply) => {
    const user = authorize(request.user, 'audit:view');
    return reply.view('accounts/views/audit.njk', { title: 'Audit log', entries: await listAuditLog(db, user.partnershipIds) });
  });
}
