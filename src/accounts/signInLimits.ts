import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import { firstValue } from '../platform/validation.js';

const WINDOW = '1 minute';

/** The account a sign-in is for: the email as typed, the way sign-in matches it. */
const accountOf = (request: FastifyRequest) => {
  const body = request.body as Record<string, unknown> | undefined;
  return `account:${firstValue(body?.email).trim().toLowerCase()}`;
};

/**
 * Failed sign-ins counted per client address and per account (email), with @fastify/rate-limit's limiters: after `max`
 * failures within the window, that address and that account are refused with 429 until it ends. Successful sign-ins
 * are not counted. `max` 0 turns the limits off.
 */
export function signInLimits(app: FastifyInstance, max: number) {
  if (max <= 0) return { refuseIfExceeded: async () => undefined, countFailure: async () => undefined };
  const limiters = [app.createRateLimit({ max, timeWindow: WINDOW }), app.createRateLimit({ max, timeWindow: WINDOW, keyGenerator: accountOf })];
  return {
    async refuseIfExceeded(request: FastifyRequest) {
      for (const limiter of limiters) {
        const status = await limiter(request, { increment: false });
        if (!status.isAllowed && status.remaining === 0) throw new AppError('rate_limited', 429, 'Too many attempts. Wait a minute and try again.');
      }
    },
    async countFailure(request: FastifyRequest) {
      await Promise.all(limiters.map((limiter) => limiter(request)));
    },
  };
}
