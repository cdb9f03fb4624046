import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app/services.js';
import { attempt, type FieldError } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { authorize, type Principal } from './policy.js';
import { loadPrincipal } from './queries/loadPrincipal.js';
import { twoStepStatus } from './queries/twoStepStatus.js';
import { recoveryCodesRequest, turnOffTwoStepRequest, twoStepCodeRequest, twoStepSetUpRequest } from './schema.js';
import { type SignInLimits, signInLimits } from './signInLimits.js';
import { type PendingSignIn, pendingSignIn, startSignedInSession } from './signInSession.js';
import { enrolTwoStep } from './twoStep/enrolTwoStep.js';
import { passTwoStep } from './twoStep/passTwoStep.js';
import { qrCodeSvg } from './twoStep/qrCode.js';
import { regenerateRecoveryCodes } from './twoStep/regenerateRecoveryCodes.js';
import { setUpSecret } from './twoStep/setUpSecret.js';
import { totpUri } from './twoStep/totp.js';
import { turnOffTwoStep } from './twoStep/turnOffTwoStep.js';
import { twoStepRequired } from './twoStep/twoStepStage.js';
import { recoveryCodesPage, twoStepAccountPage, twoStepCodePage, twoStepSetUpPage } from './viewModels.js';

/** The page of each stage of a half sign-in. */
export const PENDING_PAGES: Record<PendingSignIn['stage'], string> = { code: '/sign-in/two-step', 'set-up': '/sign-in/two-step/set-up' };
const ACCOUNT_PAGE = '/staff/account/two-step';
const ACCOUNT_SET_UP = '/staff/account/two-step/set-up';

interface SetUpView {
  user: Principal;
  secret: string;
  required: boolean;
  signingIn: boolean;
  fields?: FieldError[];
}

/** The set-up page (QR code and key) while signing in or from the account page. */
async function renderSetUp(reply: FastifyReply, { user, secret, required, signingIn, fields }: SetUpView) {
  const qrCode = await qrCodeSvg(totpUri(user.email, secret));
  const action = signingIn ? PENDING_PAGES['set-up'] : ACCOUNT_SET_UP;
  return reply
    .status(fields?.length ? 422 : 200)
    .view('accounts/views/two-step-set-up.njk', twoStepSetUpPage({ action, secret, qrCode, required, signingIn, fields }));
}

/**
 * The second step of signing in, for a session half signed in (accounts/signInSession.ts): the code, or setting up
 * the app first. Registered with the sign-in routes, so a wrong code counts against the same limits as a wrong password.
 */
export function twoStepSignInRoutes(app: FastifyInstance, { db, config }: Services, limits: SignInLimits) {
  /** The half sign-in at this stage and its user; otherwise where to go: sign in again, or the stage it is at. */
  async function pendingAt(request: FastifyRequest, stage: PendingSignIn['stage']) {
    const pending = pendingSignIn(request);
    const user = pending && (await loadPrincipal(db, pending.userId));
    if (!pending || !user) {
      request.session.twoStep = undefined;
      return { ok: false, redirect: '/sign-in' } as const;
    }
    if (pending.stage !== stage) return { ok: false, redirect: PENDING_PAGES[pending.stage] } as const;
    return { ok: true, pending, user } as const;
  }

  app.get(PENDING_PAGES.code, async (request, reply) => {
    const at = await pendingAt(request, 'code');
    if (!at.ok) return reply.redirect(at.redirect, 303);
    return reply.view('accounts/views/two-step-code.njk', twoStepCodePage());
  });

  app.post(PENDING_PAGES.code, async (request, reply) => {
    const { body } = parseRequest(twoStepCodeRequest, request);
    const at = await pendingAt(request, 'code');
    if (!at.ok) return reply.redirect(at.redirect, 303);
    const { user, pending } = at;
    await limits.refuseIfExceeded(request, user.email);
    const passed = await attempt(['validation_failed'], () =>
      passTwoStep({ db, user, code: body.code, recoveryCode: body.recoveryCode, sessionSecret: config.sessionSecret }),
    );
    if (!passed.ok) {
      await limits.countFailure(request, user.email);
      request.log.info({ event: 'two_step_failed' }, 'two-step code refused');
      return reply.status(422).view('accounts/views/two-step-code.njk', twoStepCodePage(passed.error.fields));
    }
    await startSignedInSession(request, user.id);
    return reply.redirect(pending.next, 303);
  });

  app.get(PENDING_PAGES['set-up'], async (request, reply) => {
    const at = await pendingAt(request, 'set-up');
    if (!at.ok) return reply.redirect(at.redirect, 303);
    const { secret, sealed } = setUpSecret(config.sessionSecret, at.pending.secret);
    request.session.twoStep = { ...at.pending, secret: sealed };
    return renderSetUp(reply, { user: at.user, secret, required: twoStepRequired(at.user.role, config.twoStep), signingIn: true });
  });

  app.post(PENDING_PAGES['set-up'], async (request, reply) => {
    const { body } = parseRequest(twoStepSetUpRequest, request);
    const at = await pendingAt(request, 'set-up');
    if (!at.ok) return reply.redirect(at.redirect, 303);
    const { user, pending } = at;
    if (!pending.secret) return reply.redirect(PENDING_PAGES['set-up'], 303);
    await limits.refuseIfExceeded(request, user.email);
    const { secret } = setUpSecret(config.sessionSecret, pending.secret);
    const enrolled = await attempt(['validation_failed'], () =>
      enrolTwoStep({ db, user, secret, code: body.code, sessionSecret: config.sessionSecret, signingIn: true }),
    );
    if (!enrolled.ok) {
      await limits.countFailure(request, user.email);
      const required = twoStepRequired(user.role, config.twoStep);
      return renderSetUp(reply, { user, secret, required, signingIn: true, fields: enrolled.error.fields });
    }
    await startSignedInSession(request, user.id);
    return reply.view('accounts/views/recovery-codes.njk', recoveryCodesPage(enrolled.value.recoveryCodes, pending.next, true));
  });
}

/** A signed-in user's own two-step verification: whether it is set up, setting it up, new recovery codes, turning it off. */
export async function twoStepAccountRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  const limits = signInLimits(app, config.signInRateLimit);

  async function renderAccount(reply: FastifyReply, user: Principal, fields: FieldError[] = []) {
    const status = await twoStepStatus(db, user.id);
    const page = twoStepAccountPage({ status, required: twoStepRequired(user.role, config.twoStep), fields });
    return reply.status(fields.length ? 422 : 200).view('accounts/views/two-step.njk', page);
  }

  app.get(ACCOUNT_PAGE, async (request, reply) => renderAccount(reply, authorize(request.user, 'staff:home')));

  app.get(ACCOUNT_SET_UP, async (request, reply) => {
    const user = authorize(request.user, 'staff:home');
    if ((await twoStepStatus(db, user.id)).enrolled) return reply.redirect(ACCOUNT_PAGE, 303);
    const { secret, sealed } = setUpSecret(config.sessionSecret, request.session.twoStepSetUp);
    request.session.twoStepSetUp = sealed;
    return renderSetUp(reply, { user, secret, required: twoStepRequired(user.role, config.twoStep), signingIn: false });
  });

  app.post(ACCOUNT_SET_UP, async (request, reply) => {
    const user = authorize(request.user, 'staff:home');
    const { body } = parseRequest(twoStepSetUpRequest, request);
    const sealed = request.session.twoStepSetUp;
    if (!sealed) return reply.redirect(ACCOUNT_SET_UP, 303);
    await limits.refuseIfExceeded(request, user.email);
    const { secret } = setUpSecret(config.sessionSecret, sealed);
    const enrolled = await attempt(['validation_failed'], () =>
      enrolTwoStep({ db, user, secret, code: body.code, sessionSecret: config.sessionSecret, signingIn: false }),
    );
    if (!enrolled.ok) {
      await limits.countFailure(request, user.email);
      const required = twoStepRequired(user.role, config.twoStep);
      return renderSetUp(reply, { user, secret, required, signingIn: false, fields: enrolled.error.fields });
    }
    request.session.twoStepSetUp = undefined;
    return reply.view('accounts/views/recovery-codes.njk', recoveryCodesPage(enrolled.value.recoveryCodes, ACCOUNT_PAGE, true));
  });

  app.post(`${ACCOUNT_PAGE}/recovery-codes`, async (request, reply) => {
    const user = authorize(request.user, 'staff:home');
    const { body } = parseRequest(recoveryCodesRequest, request);
    await limits.refuseIfExceeded(request, user.email);
    const made = await attempt(['validation_failed'], () =>
      regenerateRecoveryCodes({ db, user, password: body.password, code: body.code, sessionSecret: config.sessionSecret }),
    );
    if (!made.ok) {
      await limits.countFailure(request, user.email);
      return renderAccount(reply, user, made.error.fields);
    }
    return reply.view('accounts/views/recovery-codes.njk', recoveryCodesPage(made.value, ACCOUNT_PAGE, false));
  });

  app.post(`${ACCOUNT_PAGE}/turn-off`, async (request, reply) => {
    const user = authorize(request.user, 'staff:home');
    const { body } = parseRequest(turnOffTwoStepRequest, request);
    await limits.refuseIfExceeded(request, user.email);
    const turnedOff = await attempt(['validation_failed'], () =>
      turnOffTwoStep({ db, user, password: body.turnOffPassword, sessionSecret: config.sessionSecret }),
    );
    if (!turnedOff.ok) {
      await limits.countFailure(request, user.email);
      return renderAccount(reply, user, turnedOff.error.fields);
    }
    return reply.redirect(ACCOUNT_PAGE, 303);
  });
}
