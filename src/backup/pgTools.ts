import { spawn } from 'node:child_process';
import { CliError } from '../platform/cli.js';
import { explainPgToolFailure, parsePgToolMajor, splitPassword } from './backupFormat.js';

export type PgTool = 'pg_dump' | 'pg_restore';

/** The tool ran and failed (rather than being missing). */
export class PgToolFailed extends CliError {}

/** Runs pg_dump or pg_restore; a clear CliError when it is missing or fails. A URL's password goes through PGPASSWORD, off the command line. */
export function runPgTool(tool: PgTool, args: string[], password?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = password === undefined ? process.env : { ...process.env, PGPASSWORD: password };
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new CliError(`${tool} was not found on PATH: install the Debian package postgresql-client (apt-get install -y postgresql-client)`)
          : err,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new PgToolFailed(explainPgToolFailure(tool, stderr)))));
  });
}

export async function pgToolMajor(tool: PgTool): Promise<number> {
  const line = await runPgTool(tool, ['--version']);
  const major = parsePgToolMajor(line);
  if (major === undefined) throw new CliError(`Cannot tell the version of ${tool} from "${line.trim()}"`);
  return major;
}

/** A postgres:// URL as pg_dump and pg_restore take it, with the password apart. */
export function connectionFor(url: string) {
  const { url: withoutPassword, password } = splitPassword(url);
  return { dbname: `--dbname=${withoutPassword}`, password };
}
