import { ConfigError } from '../app/config.js';
import { AppError } from '../app/errors.js';
import { ImportRejected } from '../consultations/responses/importResponses.js';
import { TableFormatError } from '../consultations/responses/readTable.js';
import { DatabaseOpenError } from '../db/database.js';

/** Results for scripts go to stdout as JSON; everything for people goes to stderr. */
export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
export const say = (message: string) => process.stderr.write(`${message}\n`);

export class CliError extends Error {}

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

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
