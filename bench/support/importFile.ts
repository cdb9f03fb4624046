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

/**
 * Imports the file with `saferplan responses import`, run exactly as a user runs it (the compiled CLI, in a process of
 * its own), with reportUsage.mjs preloaded to give its wall time and peak memory.
 */
export function importInChildProcess(dbPath: string, consultationId: string, file: string): { seconds: number; maxRssMb: number; imported: number } {
  const child = spawnSync(
    process.execPath,
    ['--import', './bench/support/reportUsage.mjs', 'bin/saferplan.js', 'responses', 'import', consultationId, file, '--allow-duplicate'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SQLITE_PATH: dbPath, DATABASE_URL: '' } },
  );
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const usage = /@usage (\{.*\})/.exec(child.stderr)?.[1];
  if (!usage) throw new Error(`the import gave no usage: ${child.stderr}`);
  const { imported } = JSON.parse(child.stdout) as { imported: number };
  return { ...(JSON.parse(usage) as { seconds: number; maxRssMb: number }), imported };
}
