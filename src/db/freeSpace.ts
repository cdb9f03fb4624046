import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { byDialect } from './byDialect.js';
import type { DbHandle } from './database.js';

/**
 * Bytes free to this process on the file system holding the SQLite file, or null where the database's disk is not
 * ours to see (PostgreSQL, an in-memory database). A full disk fails every write while /health still answers.
 */
export async function freeBytesBesideDatabase(handle: Pick<DbHandle, 'driver'>): Promise<number | null> {
  const file = byDialect<string | null>(handle, { sqlite: ({ sqlite }) => (sqlite.memory ? null : sqlite.name), postgres: () => null });
  if (!file) return null;
  const stats = await statfs(path.dirname(path.resolve(file)));
  return stats.bavail * stats.bsize;
}
