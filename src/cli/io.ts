import { ConfigError } from '../app/config.js';
import { DatabaseOpenError } from '../db/database.js';
import { CliError } from '../platform/cli.js';
import { AppError } from '../platform/errors.js';
import { ImportRejected, TableFormatError } from '../responses/index.js';

export { CliError, printJson, readStdin, say } from '../platform/cli.js';

export function describeFailure(err: unknown): string {
  if (err instanceof ImportRejected) {
    return [err.message, ...err.problems.map((p) => `  row ${p.row}, column ${p.column}: ${p.message}`)].join('\n');
  }
  if (err instanceof AppError) {
    const fields = err.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n');
    return fields ? `${err.message}:\n${fields}` : err.message;
  }
  if (err instanceof CliError || err instanceof DatabaseOpenError || err instanceof ConfigError || err instanceof TableFormatError)
    return err.message;
  return `Unexpected error: ${(err as Error)?.stack ?? String(err)}`;
}
