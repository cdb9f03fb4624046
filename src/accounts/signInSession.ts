// The session through signing in: half signed in while a second step is due, then signed in. Both start a new session
// id, so an id known before signing in (session fixation) is worth nothing after.
import type { FastifyRequest } from 'fastify';

/** Half signed in: the password was right, the second step is due. The session has no userId, so no staff page opens. */
export interface PendingSignIn {
  userId: string;
  email: string;
  /** Where to go once signed in (a path on this site). */
  next: string;
  /** A code from the authenticator app, or setting it up first. */
  stage: 'code' | 'set-up';
  /** Date.now() when the password was accepted: the second step must follow within PENDING_MS. */
  startedAt: number;
  /** The secret being set up, sealed under SESSION_SECRET (platform/sealedSecret.ts). */
  secret?: string;
}

/** How long the second step may take after the password. */
export const PENDING_MS = 15 * 60 * 1000;

export async function startPendingSignIn(request: FastifyRequest, pending: Omit<PendingSignIn, 'startedAt'>): Promise<void> {
  await request.session.regenerate();
  request.session.twoStep = { ...pending, startedAt: Date.now() };
}

/** The half sign-in in progress, unless there is none or it has run out of time (then it is forgotten). */
export function pendingSignIn(request: FastifyRequest): PendingSignIn | undefined {
  const pending = request.session.twoStep;
  if (pending && Date.now() - pending.startedAt <= PENDING_MS) return pending;
  if (pending) request.session.twoStep = undefined;
  return undefined;
}

/** Signed in: a new session holding the user and nothing of the half sign-in. */
export async function startSignedInSession(request: FastifyRequest, userId: string): Promise<void> {
  await request.session.regenerate();
  request.session.userId = userId;
}
