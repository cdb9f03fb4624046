import { type DatabaseTarget, openDatabase } from '../db/database.js';
import { CliError } from '../platform/cli.js';
import { tableRowCounts } from './queries/tableRowCounts.js';
import { nonEmptyReason } from './rowCounts.js';

/** A restore replaces the whole database: refused, naming what is there, when any table holds a row and --force is not given. */
export async function refuseUnlessEmpty(target: DatabaseTarget, force: boolean): Promise<void> {
  if (force) return;
  const handle = await openDatabase(target);
  try {
    let counts: Record<string, number>;
    try {
      counts = await tableRowCounts(handle.db);
    } catch (err) {
      throw new CliError(`Cannot read ${handle.describe} to check that it is empty: ${(err as Error).message}`);
    }
    const reason = nonEmptyReason(handle.describe, counts);
    if (reason) throw new CliError(reason);
  } finally {
    await handle.close();
  }
}
