import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CliError } from '../platform/cli.js';
import { OWNER_ONLY, writeAtomically } from '../platform/writeAtomically.js';
import type { BackupReport } from './backupDatabase.js';
import { inspectSqliteFile } from './queries/inspectSqliteFile.js';
import { headlineCounts } from './rowCounts.js';

/**
 * VACUUM INTO on a connection of its own: one read transaction, so the copy is a consistent snapshot and, in WAL
 * mode, the server's writers go on meanwhile. Copying the file instead loses what is still only in the -wal file,
 * or tears pages being written.
 */
export async function backupSqlite(source: string, out: string, replace: boolean): Promise<BackupReport> {
  if (!fs.existsSync(source)) throw new CliError(`There is no SQLite database at ${source}: nothing to back up`);
  if (sqliteFilesOf(source).includes(path.resolve(out)))
    throw new CliError(`--out ${out} is the database being backed up (or one of its files): write the backup somewhere else`);
  return writeAtomically(out, {
    replace,
    mode: OWNER_ONLY,
    write: async (partial) => {
      copyLiveDatabase(source, partial);
      const copy = inspectSqliteFile(partial);
      if (copy.integrity !== 'ok') throw new CliError(`The copy of ${source} failed its integrity check (${copy.integrity}): ${out} was not written`);
      if (!copy.migrations) throw new CliError(`${source} is not a SaferPlan database (it has no kysely_migration table)`);
      return {
        engine: 'sqlite',
        database: `SQLite ${source}`,
        file: path.resolve(out),
        bytes: fs.statSync(partial).size,
        integrity: 'ok',
        counts: headlineCounts(copy.counts),
      };
    },
  });
}

function copyLiveDatabase(source: string, destination: string): void {
  const live = new SQLite(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    live.prepare('VACUUM INTO ?').run(destination);
  } finally {
    live.close();
  }
}

const sqliteFilesOf = (database: string) => ['', '-wal', '-shm', '-journal'].map((suffix) => path.resolve(database) + suffix);
