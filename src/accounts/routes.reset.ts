import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import { attempt } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { invalidResetLink, resetLinkUser, resetPassword } from './resetPassword.js';
import { resetPasswordRequest } from './schema.js';
import { resetPasswordPage } from './viewModels.js';

const VIEW = 'accounts/views/reset-password.njk';

/**
 * The page a one-time reset link opens, for someone not signed in: choose a new password. Limited to
 * SIGN_IN_RATE_LIMIT requests a minute per client address, so tokens cannot be tried in bulk.
 */
export async function resetRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  const limited = config.signInRateLimit > 0 ? { config: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } } } : {};
  const invalid = () => resetPasswordPage({ invalid: invalidResetLink().message });

  app.get('/reset-password/:token', limited, async (request, reply) => {
    const { params } = parseRequest(resetPasswordRequest, request);
    const user = await resetLinkUser(db, params.token);
    if (!user) return reply.status(404).view(VIEW, invalid());
    return reply.view(VIEW, resetPasswordPage({ token: params.token, email: user.email }));
  });

  app.post('/reset-password/:token', limited, async (request, reply) => {
    const { params, body } = parseRequest(resetPasswordRequest, request);
    const done = await attempt(['validation_failed', 'not_found'], () => resetPassword({ db, token: params.token, password: body?.password ?? '' }));
    if (done.ok) {
      // This browser may hold a session of someone else's: it starts afresh.
      if (request.session.userId) await request.session.regenerate();
      return reply.redirect('/sign-in?reset=1', 303);
    }
    if (done.error.code === 'not_found') return reply.status(404).view(VIEW, invalid());
    const user = await resetLinkUser(db, params.token);
    return reply.status(422).view(VIEW, resetPasswordPage({ token: params.token, email: user?.email, fields: done.error.fields }));
  });
}
