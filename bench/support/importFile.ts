import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openConsultation } from '../../test-support/consultations.js';
import { ROOT } from './servers.js';

/** A fresh SQLite file in `dir` with the demo partnership and an open crime survey. */
export async function prepareDatabase(dir: string, name: string): Promise<{ dbPath: string; consultationId: string }> {
  const dbPath = path.join(dir, name);
  const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
  await migrateToLatest(handle);
  const { consultationId } = await openConsultation(handle);
  await handle.close();
  return { dbPath, consultationId };
}

/** Imports the file through the real importer in a process of its own (bench/support/importInProcess.ts). */
export function importInChildProcess(dbPath: string, consultationId: string, file: string): { seconds: number; maxRssMb: number; imported: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/support/importInProcess.ts', dbPath, consultationId, file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string);
}
