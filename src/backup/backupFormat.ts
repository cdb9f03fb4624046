/** What a file offered for restore is, from its first bytes: SQLite files and pg_dump custom archives both say so. */
export type BackupFormat = 'sqlite' | 'pg_dump' | 'unknown';

export const HEADER_BYTES = 16;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const PG_DUMP_MAGIC = Buffer.from('PGDMP', 'latin1');

export function detectBackupFormat(header: Uint8Array): BackupFormat {
  const bytes = Buffer.from(header);
  if (bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return 'sqlite';
  if (bytes.subarray(0, PG_DUMP_MAGIC.length).equals(PG_DUMP_MAGIC)) return 'pg_dump';
  return 'unknown';
}

/** The engine a backup format restores into. */
export const engineOf = (format: Exclude<BackupFormat, 'unknown'>) => (format === 'sqlite' ? 'sqlite' : 'postgres');

/**
 * The migration names in `pg_restore --data-only --table=kysely_migration --file=-` output (a COPY block, one row a
 * line, tab-separated, ended by `\.`); undefined when the archive holds no such table, so is not one of ours.
 */
export function parseCopiedMigrationNames(restoreScript: string): string[] | undefined {
  const lines = restoreScript.split('\n');
  const start = lines.findIndex((line) => /^COPY \S*kysely_migration \(/.test(line));
  if (start < 0) return undefined;
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    const name = line.split('\t')[0];
    if (name) names.push(name);
  }
  return names;
}

/** Why a backup cannot be restored by this code (it has applied migrations this code does not know), or undefined. */
export function newerBackupReason(file: string, applied: readonly string[], known: readonly string[]): string | undefined {
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length === 0) return undefined;
  return `${file} was made by a newer SaferPlan (migrations unknown here: ${unknown.join(', ')}): upgrade SaferPlan, then restore it`;
}

/** The major version in `pg_dump --version` output, e.g. "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" gives 15. */
export function parsePgToolMajor(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : undefined;
}

/** pg_dump reads servers of its own major version and older ones only. */
export function pgDumpMismatch(pgDumpMajor: number, serverVersionNum: number): string | undefined {
  const serverMajor = Math.floor(serverVersionNum / 10_000);
  if (pgDumpMajor >= serverMajor) return undefined;
  return (
    `pg_dump ${pgDumpMajor} cannot back up this PostgreSQL ${serverMajor} server: pg_dump must be of the server's major version or newer. ` +
    `Install the Debian package postgresql-client-${serverMajor} (from apt.postgresql.org if your release lacks it) and put its pg_dump first on PATH.`
  );
}

/** The message for a pg_dump or pg_restore failure: the known causes in words, otherwise the tool's own last lines. */
export function explainPgToolFailure(tool: string, stderr: string): string {
  const mismatch = /server version: ([\d.]+)[^;]*; pg_dump version: ([\d.]+)/.exec(stderr);
  if (mismatch)
    return `pg_dump ${mismatch[2]} cannot back up a PostgreSQL ${mismatch[1]} server: install postgresql-client of the server's major version or newer.`;
  if (/unsupported version \([\d.]+\) in file header/.test(stderr))
    return `${tool} cannot read this archive: it was written by a newer pg_dump. Install a postgresql-client at least as new as the one that made it.`;
  const detail = stderr.trim().split('\n').slice(-5).join('\n');
  return `${tool} failed${detail ? `:\n${detail}` : ' without saying why'}`;
}

/** A connection URL without its password, and the password apart (given to pg_dump through PGPASSWORD, never on its command line). */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}
