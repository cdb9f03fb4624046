import { MIGRATION_NAMES } from '../db/migrate.js';
import { CliError } from '../platform/cli.js';
import { newerBackupReason, parseCopiedMigrationNames } from './backupFormat.js';
import { connectionFor, PgToolFailed, runPgTool } from './pgTools.js';
import { refuseUnlessEmpty } from './refuseUnlessEmpty.js';

/**
 * pg_restore of a SaferPlan archive in one transaction: a failure leaves the database as it was. --clean drops what
 * is there first, so a database whose tables exist but are empty (a server started on it) takes the restore too.
 */
export async function restorePostgres(file: string, url: string, force: boolean): Promise<void> {
  // Reads the whole archive, data included, into nothing: a damaged or cut-short archive fails here, before any database is touched.
  await runPgTool('pg_restore', ['--file=/dev/null', file]).catch((err) => {
    throw err instanceof PgToolFailed ? new CliError(`${file} cannot be read as a pg_dump archive, so it cannot be restored. ${err.message}`) : err;
  });
  // The archive's migrations table alone, as a script on stdout.
  const migrations = parseCopiedMigrationNames(await runPgTool('pg_restore', ['--data-only', '--table=kysely_migration', '--file=-', file]));
  if (!migrations) throw new CliError(`${file} is a pg_dump archive but not a SaferPlan backup (it has no kysely_migration table)`);
  const newer = newerBackupReason(file, migrations, MIGRATION_NAMES);
  if (newer) throw new CliError(newer);
  await refuseUnlessEmpty({ kind: 'postgres', url }, force);
  const { dbname, password } = connectionFor(url);
  await runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-acl', '--single-transaction', dbname, file], password);
}
