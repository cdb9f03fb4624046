/** Typed errors with stable codes; one handler (plugins/errorHandler.ts) renders them as a page or JSON. */
export const ERROR_CODES = [
  'not_found',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'conflict',
  'not_open',
  'idempotency_key_reused',
  'rate_limited',
  'payload_too_large',
  'bad_request',
  'csrf_invalid',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/**
 * Runs an operation whose refusals with these codes the caller answers itself (usually by showing its form again
 * with the fields); any other error is thrown on.
 */
export async function attempt<T>(
  codes: readonly ErrorCode[],
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    if (err instanceof AppError && codes.includes(err.code)) return { ok: false, error: err };
    throw err;
  }
}

export const notFound = (what = 'Page') => new AppError('not_found', 404, `${what} not found`);
export const forbidden = (message = 'You do not have permission to do that') => new AppError('forbidden', 403, message);
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Sign in to continue');
export const conflict = (message: string) => new AppError('conflict', 409, message);
export const badRequest = (fields: FieldError[] = [], message = 'The request was not in the expected form') =>
  new AppError('bad_request', 400, message, fields);
export const validationFailed = (fields: FieldError[], message = 'There is a problem') => new AppError('validation_failed', 422, message, fields);
