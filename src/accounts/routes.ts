import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import type { FieldError } from '../platform/errors.js';
import { parseRequest, toFieldErrors } from '../platform/validation.js';
import { PENDING_PAGES, twoStepSignInRoutes } from './routes.twoStep.js';
import { signInPageRequest, signInRequest, signInSchema } from './schema.js';
import { recordSignOut, signIn } from './signIn.js';
import { signInLimits } from './signInLimits.js';
import { pendingSignIn, startPendingSignIn, startSignedInSession } from './signInSession.js';
import { signInPage } from './viewModels.js';

export async function signInRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  const sso = config.oidc !== undefined;

  app.get('/sign-in', async (request, reply) => {
    // Half signed in (the password accepted): the second step, until it is done or cancelled by signing out.
    const pending = pendingSignIn(request);
    if (pending) return reply.redirect(PENDING_PAGES[pending.stage], 303);
    const { query } = parseRequest(signInPageRequest, request);
    return reply.view('accounts/views/sign-in.njk', signInPage(query.next, undefined, [], query.reset === '1', sso));
  });

  const limits = signInLimits(app, config.signInRateLimit);
  app.post('/sign-in', async (request, reply) => {
    const { body } = parseRequest(signInRequest, request);
    const { next } = body;
    await limits.refuseIfExceeded(request, body.email);
    const parsed = signInSchema.safeParse(body);
    const show = (fields: FieldError[]) => reply.status(422).view('accounts/views/sign-in.njk', signInPage(next, body.email, fields, false, sso));
    if (!parsed.success) return show(toFieldErrors(parsed.error));
    const accepted = await signIn(db, parsed.data.email, parsed.data.password, config.twoStep);
    if (!accepted) {
      await limits.countFailure(request, body.email);
      request.log.info({ event: 'sign_in_failed' }, 'sign-in failed');
      return show([{ field: 'email', message: 'Enter a correct email address and password' }]);
    }
    const { user, secondStep } = accepted;
    if (secondStep === 'signed-in') {
      await startSignedInSession(request, user.id);
      return reply.redirect(next, 303);
    }
    await startPendingSignIn(request, { userId: user.id, email: user.email, next, stage: secondStep });
    return reply.redirect(PENDING_PAGES[secondStep], 303);
  });

  twoStepSignInRoutes(app, services, limits);

  app.post('/sign-out', async (request, reply) => {
    if (request.user) await recordSignOut(db, request.user);
    await request.session.destroy();
    return reply.redirect('/', 303);
  });
}
