import fs from 'node:fs';
import path from 'node:path';
import { type DatabaseTarget, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { CliError } from '../platform/cli.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { detectBackupFormat, engineOf } from './backupFormat.js';
import { restorePostgres } from './postgresRestore.js';
import { tableRowCounts } from './queries/tableRowCounts.js';
import { readHeader } from './readHeader.js';
import { type HeadlineCounts, headlineCounts } from './rowCounts.js';
import { restoreSqlite } from './sqliteRestore.js';

export interface RestoreReport {
  engine: 'sqlite' | 'postgres';
  /** The database restored into, as people read it (no password). */
  database: string;
  file: string;
  bytes: number;
  /** Migrations run after the restore, bringing an older backup up to date. */
  migrationsApplied: string[];
  counts: HeadlineCounts;
}

export interface RestoreOptions {
  target: DatabaseTarget;
  file: string;
  /** Replace a database that is not empty. */
  force: boolean;
  actor: Actor;
}

const ENGINE_NAMES = { sqlite: 'a SQLite file', postgres: 'PostgreSQL' } as const;

/** Replaces the (empty) target database with a backup made by `saferplan backup`, migrates it to this code and records it. */
export async function restoreDatabase({ target, file, force, actor }: RestoreOptions): Promise<RestoreReport> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`There is no backup file at ${file}`);
  const format = detectBackupFormat(readHeader(file));
  if (format === 'unknown')
    throw new CliError(
      `${file} is not a SaferPlan backup: it is neither a SQLite database nor a pg_dump custom archive (saferplan backup writes one of these)`,
    );
  if (engineOf(format) !== target.kind)
    throw new CliError(
      `${file} is a backup of ${ENGINE_NAMES[engineOf(format)]}, but the database to restore into is ${ENGINE_NAMES[target.kind]}: choose one of the same kind with --db`,
    );
  if (target.kind === 'sqlite') await restoreSqlite(file, target.path, force);
  else await restorePostgres(file, target.url, force);

  const handle = await openDatabase(target);
  try {
    const { applied } = await migrateToLatest(handle);
    const from = path.resolve(file);
    await recordAudit(handle.db, { actor, action: 'database.restore', entity: 'database', detail: { message: `restored from ${from}`, file: from } });
    return {
      engine: target.kind,
      database: handle.describe,
      file: from,
      bytes: fs.statSync(file).size,
      migrationsApplied: applied,
      counts: headlineCounts(await tableRowCounts(handle.db)),
    };
  } finally {
    await handle.close();
  }
}
