import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every upload and import staging file lives in a directory named for the process that made it. */
const PREFIX = 'saferplan-uploads-';
/** Directories the importer made before they carried a process id. */
const LEGACY_PREFIX = 'saferplan-upload-';
/** Past this age a directory is stale even if a process with its id is running (ids are reused). */
const MAX_AGE_MS = 24 * 3_600_000;

/** Runs the work with a private temporary directory, removed afterwards whether the work succeeded or failed. */
export async function withUploadDirectory<T>(work: (dir: string) => Promise<T>, tmp = os.tmpdir()): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(tmp, `${PREFIX}${process.pid}-`));
  try {
    return await work(dir);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Removes what a killed process left behind (kill -9 and out-of-memory skip every finally block): upload
 * directories whose process is gone, or older than a day. Run at server start; returns what it removed.
 */
export async function removeStaleUploadDirectories(tmp = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fs.promises.readdir(tmp)) {
    if (!name.startsWith(PREFIX) && !name.startsWith(LEGACY_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      const { mtimeMs } = await fs.promises.stat(dir);
      if (!isStale(name, now - mtimeMs)) continue;
      await fs.promises.rm(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // gone already, or another user's: not ours to remove
    }
  }
  return removed;
}

function isStale(name: string, ageMs: number): boolean {
  if (ageMs > MAX_AGE_MS) return true;
  const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length).split('-')[0]) : Number.NaN;
  // A legacy directory says nothing of its process: an hour is longer than any import takes.
  if (!Number.isInteger(pid)) return ageMs > 3_600_000;
  return pid !== process.pid && !isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A private temporary directory for work that outlives the request (a background import): the caller removes it. */
export async function makeUploadDirectory(tmp = os.tmpdir()): Promise<string> {
  return fs.promises.mkdtemp(path.join(tmp, `${PREFIX}${process.pid}-`));
}
