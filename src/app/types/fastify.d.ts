// The one place SaferPlan adds to Fastify's and @fastify/session's types.
import type nunjucks from 'nunjucks';
import type { PendingOidc, PendingSignIn, Principal } from '../../accounts/index.js';
import type { SurveyProgress } from '../../consultations/index.js';
import type { PageBase, PageContexts } from '../../platform/pageContexts.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, loaded from the session on each request (plugins/currentUser.ts). */
    user?: Principal;
  }

  interface FastifyReply {
    /** Renders a page template with its view model and what every page gets (plugins/views.ts). */
    view<T extends keyof PageContexts>(template: T, context: PageContexts[T] & PageBase): Promise<FastifyReply>;
    /** This response's CSP nonce (plugins/headers.ts); pages put it on their one inline script. */
    cspNonce: { script: string; style: string };
  }

  interface FastifyInstance {
    /** The Nunjucks environment, for pages rendered ahead of time (platform/prerendered.ts). */
    views: nunjucks.Environment;
  }

  /** What a session holds: the signed-in (or half signed-in) user, and each survey's answers in progress (keyed by consultation id). */
  interface Session {
    userId?: string;
    /** Half signed in: the password accepted, the two-step code (or setting it up) still due (accounts/signInSession.ts). */
    twoStep?: PendingSignIn;
    /** A signed-in user setting up two-step verification from their account page: the new secret, sealed. */
    twoStepSetUp?: string;
    /** Signing in with the council's account: the checks the provider's callback must pass (accounts/oidc/oidcSession.ts). */
    oidc?: PendingOidc;
    surveys?: Record<string, SurveyProgress>;
  }
}
