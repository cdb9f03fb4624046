// The single sign-on in progress in the browser's session: the checks its callback must pass, taken out once.
import type { FastifyRequest } from 'fastify';
import type { OidcChecks } from './oidcClient.js';

export interface PendingOidc extends OidcChecks {
  /** Where to go once signed in (a path on this site). */
  next: string;
  /** Date.now() when it started: the callback must follow within OIDC_PENDING_MS. */
  startedAt: number;
}

/** How long the provider's sign-in may take. */
export const OIDC_PENDING_MS = 15 * 60 * 1000;

export function startPendingOidc(request: FastifyRequest, checks: OidcChecks, next: string): void {
  request.session.oidc = { ...checks, next, startedAt: Date.now() };
}

/** The sign-in in progress, removed from the session whatever follows, so a callback is answered once only. */
export function takePendingOidc(request: FastifyRequest): PendingOidc | undefined {
  const pending = request.session.oidc;
  if (pending) request.session.oidc = undefined;
  if (pending && Date.now() - pending.startedAt <= OIDC_PENDING_MS) return pending;
  return undefined;
}
