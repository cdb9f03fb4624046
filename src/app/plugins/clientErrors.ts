/**
 * Errors Fastify or Node answer before a route runs (a bad URL encoding, headers too large), answered like every
 * other error: our security headers, the branded page (or the API's JSON error body).
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiRequest } from '../../platform/apiRequest.js';
import { AppError } from '../../platform/errors.js';
import { errorPage } from '../sitePages.js';
import { ERROR_TITLES, toAppError } from './errorHandler.js';
import { scriptlessHeaderLines, securityHeadersSetter } from './headers.js';

/**
 * Room for the analysis dashboard's GET form: its margins box takes 20,000 characters, up to 12 bytes each once
 * percent-encoded (a 4-byte UTF-8 character), beside the filters. Node's default of 16 KiB gave 431 at about 10 KB of CSV.
 */
export const MAX_HEADER_BYTES = 256 * 1024;

const errorHtml = (app: FastifyInstance, error: AppError, cspNonce?: string): string =>
  app.views.render('error.njk', { ...errorPage(ERROR_TITLES[error.code], error.message, error.code), cspNonce });

const badUrl = () => new AppError('bad_request', 400, 'The web address is not valid. Check it is correct.');

/** Fastify's frameworkErrors option: a URL that cannot be decoded (FST_ERR_BAD_URL), a parameter too long. */
export function frameworkErrorHandler(appOf: () => FastifyInstance, production: boolean) {
  const setHeaders = securityHeadersSetter(production);
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    setHeaders(request, reply);
    const error = err.code === 'FST_ERR_BAD_URL' ? badUrl() : toAppError(err);
    request.log.info({ code: err.code, url: request.url }, error.message);
    if (isApiRequest(request)) {
      reply.status(error.status).send({ error: { code: error.code, message: error.message, fields: error.fields } });
      return;
    }
    reply
      .status(error.status)
      .type('text/html; charset=utf-8')
      .send(errorHtml(appOf(), error, reply.cspNonce?.script));
  };
}

const CLIENT_ERRORS: Record<string, AppError> = {
  HPE_HEADER_OVERFLOW: new AppError('bad_request', 431, 'The web address or the request headers were too long for this service.'),
  ERR_HTTP_REQUEST_TIMEOUT: new AppError('bad_request', 408, 'The request took too long to arrive. Try again.'),
};
const MALFORMED = new AppError('bad_request', 400, 'The request could not be read.');

/**
 * Fastify's clientErrorHandler option: Node found the request unreadable before any route could see it. Written
 * to the socket as Fastify's default does, but with our headers and page.
 */
export function clientErrorHandler(production: boolean) {
  const headerLines = scriptlessHeaderLines(production);
  return function answerClientError(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Duplex): void {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const error = CLIENT_ERRORS[err.code ?? ''] ?? MALFORMED;
    this.log.info({ code: err.code }, error.message);
    if (socket.writable) {
      const body = errorHtml(this, error);
      socket.write(
        `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n${headerLines}content-type: text/html; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(err);
  };
}
