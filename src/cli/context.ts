import { loadConfig } from '../app/config.js';
import { type DatabaseTarget, type DbHandle, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { listPartnerships } from '../partnerships/index.js';
import { CliError } from '../platform/cli.js';

export interface GlobalOptions {
  db?: string;
}

/** --db wins (a file path or a postgres:// URL), then DATABASE_URL, then SQLITE_PATH or ./data/saferplan.sqlite. */
export function resolveTarget(options: GlobalOptions, env = process.env): DatabaseTarget {
  if (options.db) return /^postgres(ql)?:\/\//.test(options.db) ? { kind: 'postgres', url: options.db } : { kind: 'sqlite', path: options.db };
  return loadConfig(env).database;
}

export async function withDatabase<T>(options: GlobalOptions, work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(resolveTarget(options));
  try {
    await migrateToLatest(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Commands acting within a partnership default to the only one when there is exactly one. */
export async function resolvePartnershipId(handle: DbHandle, given: string | undefined): Promise<string | undefined> {
  const all = await listPartnerships(handle.db);
  if (given) {
    const match = all.find((p) => p.id === given || p.slug === given);
    if (!match) throw new CliError(`No partnership has the id or slug "${given}". Run: saferplan partnership list`);
    return match.id;
  }
  if (all.length === 1) return all[0]?.id;
  if (all.length === 0) return undefined;
  throw new CliError(`There are ${all.length} partnerships: choose one with --partnership ID (saferplan partnership list shows them)`);
}
