import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { MIGRATION_NAMES } from '../db/migrate.js';
import { CliError } from '../platform/cli.js';
import { writeAtomically } from '../platform/writeAtomically.js';
import { newerBackupReason } from './backupFormat.js';
import { inspectSqliteFile } from './queries/inspectSqliteFile.js';
import { refuseUnlessEmpty } from './refuseUnlessEmpty.js';

/** Puts a verified SQLite backup in place of `target` in one rename; the stale -wal and -shm of the old file go first. */
export async function restoreSqlite(file: string, target: string, force: boolean): Promise<void> {
  verifySqliteBackup(file);
  if (fs.existsSync(target)) {
    await refuseUnlessEmpty({ kind: 'sqlite', path: target }, force);
    refuseIfInUse(target);
  }
  await writeAtomically(target, {
    replace: true,
    write: async (partial) => fs.copyFileSync(file, partial),
    beforePublish: () => {
      for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    },
  });
}

function verifySqliteBackup(file: string): void {
  let report: ReturnType<typeof inspectSqliteFile>;
  try {
    report = inspectSqliteFile(file);
  } catch (err) {
    throw new CliError(`${file} cannot be read as a SQLite database (${(err as Error).message}): it cannot be restored`);
  }
  if (report.integrity !== 'ok')
    throw new CliError(`${file} fails SQLite's integrity check (${report.integrity.split('\n')[0]}): it cannot be restored`);
  if (!report.migrations) throw new CliError(`${file} is a SQLite database but not a SaferPlan backup (it has no kysely_migration table)`);
  const newer = newerBackupReason(file, report.migrations, MIGRATION_NAMES);
  if (newer) throw new CliError(newer);
}

/**
 * Leaving WAL mode needs the only connection to the file: while a server has it open, SQLite answers "busy".
 * (The file is replaced next, so its journal mode does not matter any more.)
 */
function refuseIfInUse(target: string): void {
  const inUse = new CliError(`${target} is open in another process (is saferplan serve running on it?): stop that process, then restore`);
  const db = new SQLite(target, { fileMustExist: true, timeout: 0 });
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) === 'wal') throw inUse;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw inUse;
    throw err;
  } finally {
    db.close();
  }
}
