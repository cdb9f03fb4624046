import type { DbHandle } from '../db/database.js';
import { abandonedImports, discardImport } from './queries/importRecords.js';

/** A running import shows it is alive every few seconds; one silent for this long belonged to a process that died. */
const ABANDONED_AFTER_MS = 15 * 60 * 1000;

/** Removes the rows of imports whose process died before completing them (they never counted). */
export async function removeAbandonedImports(handle: Pick<DbHandle, 'db'>, now = Date.now()): Promise<number> {
  const abandoned = await abandonedImports(handle.db, new Date(now - ABANDONED_AFTER_MS).toISOString());
  for (const key of abandoned) await discardImport(handle.db, key);
  return abandoned.length;
}
