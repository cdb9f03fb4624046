import type { FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import type { FieldError } from '../platform/errors.js';
import { parseRequest, toFieldErrors } from '../platform/validation.js';
import { signInPageRequest, signInRequest, signInSchema } from './schema.js';
import { recordSignOut, signIn } from './signIn.js';
import { signInLimits } from './signInLimits.js';
import { signInPage } from './viewModels.js';

export async function signInRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;

  app.get('/sign-in', async (request, reply) => {
    const { query } = parseRequest(signInPageRequest, request);
    return reply.view('accounts/views/sign-in.njk', signInPage(query.next, undefined, [], query.reset === '1'));
  });

  const limits = signInLimits(app, config.signInRateLimit);
  app.post('/sign-in', async (request, reply) => {
    const { body } = parseRequest(signInRequest, request);
    const { next } = body;
    await limits.refuseIfExceeded(request);
    const parsed = signInSchema.safeParse(body);
    const show = (fields: FieldError[]) => reply.status(422).view('accounts/views/sign-in.njk', signInPage(next, body.email, fields));
    if (!parsed.success) return show(toFieldErrors(parsed.error));
    const user = await signIn(db, parsed.data.email, parsed.data.password);
    if (!user) {
      await limits.countFailure(request);
      request.log.info({ event: 'sign_in_failed' }, 'sign-in failed');
      return show([{ field: 'email', message: 'Enter a correct email address and password' }]);
    }
    await request.session.regenerate();
    request.session.userId = user.id;
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    if (request.user) await recordSignOut(db, request.user);
    await request.session.destroy();
    return reply.redirect('/', 303);
  });
}
