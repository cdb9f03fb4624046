import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ZodError } from 'zod';
import { isApiRequest } from '../../platform/apiRequest.js';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import { toFieldErrors } from '../../platform/validation.js';
import { errorPage } from '../sitePages.js';

export const ERROR_TITLES: Record<ErrorCode, string> = {
  not_found: 'Page not found',
  validation_failed: 'There is a problem',
  unauthenticated: 'Sign in to continue',
  forbidden: 'You do not have permission to see this page',
  conflict: 'That could not be saved',
  not_open: 'This consultation is not open',
  idempotency_key_reused: 'That key was already used for a different response',
  rate_limited: 'Too many attempts',
  payload_too_large: 'What you sent is too large',
  bad_request: 'There is a problem with what you sent',
  csrf_invalid: 'This form has expired',
  internal: 'Sorry, there is a problem with the service',
};

/** Turns anything thrown into a typed AppError; framework errors keep their meaning, the rest become 'internal'. */
export function toAppError(err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError('bad_request', 400, 'The request was not in the expected form', toFieldErrors(err));
  const e = err as FastifyError;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413)
    return new AppError('payload_too_large', 413, 'The request is larger than this service accepts');
  if (e.code?.startsWith('FST_CSRF'))
    return new AppError('csrf_invalid', 403, 'The form had expired or did not come from this service. Go back, reload the page and try again.');
  if (e.statusCode === 429) return new AppError('rate_limited', 429, 'Too many attempts. Wait a minute and try again.');
  if (e.validation) return new AppError('bad_request', 400, e.message);
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('bad_request', e.statusCode, e.message);
  return new AppError('internal', 500, 'Try again later. If it keeps happening, contact the partnership.');
}

export async function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): Promise<FastifyReply> {
  if (isApiRequest(request)) {
    return reply.status(error.status).send({ error: { code: error.code, message: error.message, fields: error.fields } });
  }
  if (error.code === 'unauthenticated' && request.method === 'GET') {
    return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  }
  reply.status(error.status);
  return reply.view('error.njk', errorPage(ERROR_TITLES[error.code], error.message, error.code));
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const error = toAppError(err);
    if (error.code === 'internal') request.log.error({ err }, 'unhandled error');
    else request.log.info({ code: error.code, url: request.url }, error.message);
    try {
      return await sendError(request, reply, error);
    } catch (renderErr) {
      request.log.error({ err: renderErr }, 'error page failed to render');
      return reply.status(error.status).type('text/plain').send(`${ERROR_TITLES[error.code]}: ${error.message}`);
    }
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendError(request, reply, new AppError('not_found', 404, 'If you typed the web address, check it is correct.')),
  );
});
