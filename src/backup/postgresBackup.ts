import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database.js';
import { CliError } from '../platform/cli.js';
import { OWNER_ONLY, writeAtomically } from '../platform/writeAtomically.js';
import type { BackupReport } from './backupDatabase.js';
import { detectBackupFormat, pgDumpMismatch } from './backupFormat.js';
import { connectionFor, pgToolMajor, runPgTool } from './pgTools.js';
import { exportSnapshot, serverVersionNum } from './queries/postgresSnapshot.js';
import { tableRowCounts } from './queries/tableRowCounts.js';
import { readHeader } from './readHeader.js';
import { headlineCounts } from './rowCounts.js';

/** pg_dump in a custom-format archive, from a snapshot this command holds, so the counts it reports are those of the archive. */
export async function backupPostgres(url: string, out: string, replace: boolean): Promise<BackupReport> {
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    const mismatch = pgDumpMismatch(await pgToolMajor('pg_dump'), await serverVersionNum(handle.db));
    if (mismatch) throw new CliError(mismatch);
    return await writeAtomically(out, {
      replace,
      mode: OWNER_ONLY,
      write: async (partial) => {
        const counts = await handle.db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => {
            const snapshot = await exportSnapshot(trx);
            const { dbname, password } = connectionFor(url);
            await runPgTool('pg_dump', ['--format=custom', `--file=${partial}`, `--snapshot=${snapshot}`, dbname], password);
            return tableRowCounts(trx);
          });
        await verifyArchive(partial, out);
        return {
          engine: 'postgres',
          database: handle.describe,
          file: path.resolve(out),
          bytes: fs.statSync(partial).size,
          integrity: 'ok',
          counts: headlineCounts(counts),
        };
      },
    });
  } finally {
    await handle.close();
  }
}

async function verifyArchive(partial: string, out: string): Promise<void> {
  if (detectBackupFormat(readHeader(partial)) !== 'pg_dump') throw new CliError(`pg_dump wrote no custom-format archive: ${out} was not written`);
  // Reads the archive's whole table of contents: a truncated or damaged archive fails here.
  await runPgTool('pg_restore', ['--list', partial]);
}
