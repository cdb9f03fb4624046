import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { attempt } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { changeOwnPassword } from './changeOwnPassword.js';
import { authorize } from './policy.js';
import { ownPasswordRequest } from './schema.js';
import { ownPasswordPage } from './viewModels.js';

/** Every signed-in user's own account: changing their password. */
export async function accountRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  app.get('/staff/account/password', async (request, reply) => {
    authorize(request.user, 'staff:home');
    const { query } = parseRequest(ownPasswordRequest, request);
    return reply.view('accounts/views/own-password.njk', ownPasswordPage(query.changed === '1'));
  });

  app.post('/staff/account/password', async (request, reply) => {
    const user = authorize(request.user, 'staff:home');
    const { body } = parseRequest(ownPasswordRequest, request);
    const { currentPassword = '', newPassword = '' } = body ?? {};
    const changed = await attempt(['validation_failed'], () =>
      changeOwnPassword({ db, user, currentPassword, newPassword, sessionId: request.session.sessionId }),
    );
    if (changed.ok) return reply.redirect('/staff/account/password?changed=1', 303);
    return reply.status(422).view('accounts/views/own-password.njk', ownPasswordPage(false, changed.error.fields));
  });
}
