import { type DatabaseTarget, openDatabase } from '../db/database.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { backupPostgres } from './postgresBackup.js';
import type { HeadlineCounts } from './rowCounts.js';
import { backupSqlite } from './sqliteBackup.js';

export interface BackupReport {
  engine: 'sqlite' | 'postgres';
  /** The database copied, as people read it (no password). */
  database: string;
  file: string;
  bytes: number;
  integrity: 'ok';
  counts: HeadlineCounts;
}

export interface BackupOptions {
  target: DatabaseTarget;
  out: string;
  /** Replace `out` when it exists. */
  force: boolean;
  actor: Actor;
}

/** A consistent, verified copy of the live database in `out`, recorded in the database's audit log. */
export async function backupDatabase({ target, out, force, actor }: BackupOptions): Promise<BackupReport> {
  const report = target.kind === 'sqlite' ? await backupSqlite(target.path, out, force) : await backupPostgres(target.url, out, force);
  const handle = await openDatabase(target);
  try {
    await recordAudit(handle.db, {
      actor,
      action: 'database.backup',
      entity: 'database',
      detail: { file: report.file, bytes: report.bytes, counts: report.counts },
    });
  } finally {
    await handle.close();
  }
  return report;
}
