// Signing in with the council's account (OpenID Connect, accounts/oidc/): /sign-in/oidc sends the browser to the
// provider, which sends it back to /sign-in/oidc/callback. Not found unless single sign-on is set up (OIDC_*).
// A sign-in through the provider skips SaferPlan's two-step verification: the provider does its own.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../app/services.js';
import { notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { oidcClient } from './oidc/oidcClient.js';
import { checkedRoleMap } from './oidc/oidcRoles.js';
import { startPendingOidc, takePendingOidc } from './oidc/oidcSession.js';
import { readIdentity } from './oidc/readIdentity.js';
import { type OidcRefusal, recordOidcRefusal, signInWithOidc } from './oidc/signInWithOidc.js';
import { oidcCallbackRequest, oidcStartRequest } from './schema.js';
import { startSignedInSession } from './signInSession.js';
import { oidcRefusedPage } from './viewModels.js';

export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback';

const REFUSAL_STATUS: Record<OidcRefusal, number> = {
  'no-role': 403,
  disabled: 403,
  'not-a-user': 403,
  'provider-error': 400,
  expired: 400,
  'invalid-response': 400,
  unreachable: 503,
};

export async function oidcRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;
  const settings = config.oidc;
  const roleMap = settings ? checkedRoleMap(settings) : new Map();
  const oidc = settings && config.publicUrl ? oidcClient(settings, `${config.publicUrl}${OIDC_CALLBACK_PATH}`) : undefined;
  const refused = (reply: FastifyReply, reason: OidcRefusal) =>
    reply.status(REFUSAL_STATUS[reason]).view('accounts/views/sign-in-refused.njk', oidcRefusedPage(reason));

  app.get('/sign-in/oidc', async (request, reply) => {
    const { query } = parseRequest(oidcStartRequest, request);
    if (!oidc) throw notFound();
    let started: Awaited<ReturnType<typeof oidc.start>>;
    try {
      started = await oidc.start();
    } catch (error) {
      const { name, code } = error as { name?: string; code?: string };
      request.log.warn({ event: 'sso_unreachable', error: { name, code } }, 'the identity provider could not be reached');
      await recordOidcRefusal(db, 'unreachable');
      return refused(reply, 'unreachable');
    }
    startPendingOidc(request, started.checks, query.next);
    return reply.redirect(started.url, 303);
  });

  app.get(OIDC_CALLBACK_PATH, async (request, reply) => {
    const { query } = parseRequest(oidcCallbackRequest, request);
    if (!oidc || !settings) throw notFound();
    const pending = takePendingOidc(request);
    const refuse = async (reason: OidcRefusal) => {
      await recordOidcRefusal(db, reason);
      return refused(reply, reason);
    };
    if (query.error) {
      request.log.info({ event: 'sso_refused', error: query.error }, 'the identity provider answered with an error');
      return refuse('provider-error');
    }
    if (!pending) return refuse('expired');
    let claims: Record<string, unknown>;
    try {
      const raw = request.url.slice(request.url.indexOf('?') + 1);
      claims = await oidc.finish(request.url.includes('?') ? raw : '', pending);
    } catch (error) {
      // Only the error's kind: its message may quote the provider's answer.
      const { name, code } = error as { name?: string; code?: string };
      request.log.warn({ event: 'sso_invalid_response', error: { name, code } }, "the identity provider's answer failed its checks");
      return refuse('invalid-response');
    }
    const identity = readIdentity(claims, settings.roleClaim, roleMap);
    if (!identity) return refuse('invalid-response');
    const result = await signInWithOidc({ db, identity, partnership: settings.partnership });
    if (result.outcome === 'refused') return refused(reply, result.reason);
    await startSignedInSession(request, result.userId);
    return reply.redirect(pending.next, 303);
  });
}
