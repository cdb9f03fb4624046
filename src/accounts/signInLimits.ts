import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';

const WINDOW = '1 minute';

/**
 * Failed sign-ins counted per client address and per account (email), with @fastify/rate-limit's limiters: after `max`
 * failures within the window, that address and that account are refused with 429 until it ends. Successful sign-ins
 * are not counted. A wrong two-step code counts as a failed sign-in of the account whose password was accepted, so
 * codes cannot be guessed faster than passwords. `max` 0 turns the limits off.
 *
 * The route names the account: the email typed on the sign-in form, but the session's pending sign-in or signed-in
 * user for a code, never anything else in the body (which would let a guesser pick a fresh count each time).
 */
export interface SignInLimits {
  /** Throws 429 while the address or the account is over the limit. */
  refuseIfExceeded(request: FastifyRequest, account: string): Promise<void>;
  countFailure(request: FastifyRequest, account: string): Promise<void>;
}

export function signInLimits(app: FastifyInstance, max: number): SignInLimits {
  if (max <= 0) return { refuseIfExceeded: async () => undefined, countFailure: async () => undefined };
  const accounts = new WeakMap<FastifyRequest, string>();
  const accountOf = (request: FastifyRequest) => `account:${accounts.get(request) ?? ''}`;
  const limiters = [app.createRateLimit({ max, timeWindow: WINDOW }), app.createRateLimit({ max, timeWindow: WINDOW, keyGenerator: accountOf })];
  const name = (request: FastifyRequest, account: string) => accounts.set(request, account.trim().toLowerCase());
  return {
    async refuseIfExceeded(request: FastifyRequest, account: string) {
      name(request, account);
      for (const limiter of limiters) {
        const status = await limiter(request, { increment: false });
        if (!status.isAllowed && status.remaining === 0) throw new AppError('rate_limited', 429, 'Too many attempts. Wait a minute and try again.');
      }
    },
    async countFailure(request: FastifyRequest, account: string) {
      name(request, account);
      await Promise.all(limiters.map((limiter) => limiter(request)));
    },
  };
}
