/**
 * The analyst asked for something this survey cannot answer: an unknown filter or answer, a question that cannot be
 * cross-tabulated, a breakdown the survey does not support, a benchmark or suppression threshold out of range.
 * The message is written for the analyst; routes answer it with a 422 and the CLI prints it. Anything else thrown
 * while analysing is a bug and must surface as one (a 500, "Unexpected error"), never as "your filter is invalid".
 * (Margins that cannot be used come back as a RakingError result instead, with no weights applied.)
 */
import { CliError } from '../platform/cli.js';
import { validationFailed } from '../platform/errors.js';

/** The request parameter at fault. */
export type AnalysisInputField = 'filters' | 'xq' | 'by' | 'benchmarks' | 'suppressBelow';

export class AnalysisInputError extends Error {
  override readonly name = 'AnalysisInputError';
  constructor(
    readonly field: AnalysisInputField,
    message: string,
  ) {
    super(message);
  }
}

/** For routes: an AnalysisInputError becomes a 422 naming its field; anything else is thrown on unchanged. */
export function rethrowAsValidationFailure(err: unknown): never {
  if (err instanceof AnalysisInputError) throw validationFailed([{ field: err.field, message: err.message }]);
  throw err;
}

/** For the CLI: an AnalysisInputError becomes a CliError (its message alone, exit 1); anything else is thrown on unchanged. */
export function rethrowAsCliError(err: unknown): never {
  if (err instanceof AnalysisInputError) throw new CliError(err.message);
  throw err;
}
