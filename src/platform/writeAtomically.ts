import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './cli.js';

export interface AtomicWrite<T> {
  /** Replace the file if it exists; otherwise an existing file is refused, even one that appears while writing. */
  replace: boolean;
  /** Fills the partial file (given its path; it exists, empty, when `mode` is given). */
  write: (partial: string) => Promise<T>;
  /** Permissions to give the file (backups hold personal data and password hashes: owner only). */
  mode?: number;
  /** Runs when the partial file is complete and synced, just before it takes the file's name. */
  beforePublish?: () => void;
}

/** For files holding personal data or password hashes: readable by their owner only. */
export const OWNER_ONLY = 0o600;

/** Where a file is written before it is complete: beside it (same file system, so the final rename is atomic) and hidden. */
export function partialPathFor(file: string, token: string): string {
  const slash = file.lastIndexOf('/');
  return `${file.slice(0, slash + 1)}.${file.slice(slash + 1)}.partial-${token}`;
}

export const refusalToOverwrite = (file: string) => new CliError(`${file} already exists: choose another file name, or add --force to replace it`);

/** Writes a file under a temporary name beside it and gives it its name only when complete, so no reader sees half a file. */
export async function writeAtomically<T>(file: string, options: AtomicWrite<T>): Promise<T> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new CliError(`The directory ${dir} does not exist: create it first`);
  if (!options.replace && fs.existsSync(target)) throw refusalToOverwrite(file);
  const partial = partialPathFor(target, crypto.randomBytes(6).toString('hex'));
  try {
    // Created empty with its permissions first, so the data is never readable by others, even for a moment.
    if (options.mode !== undefined) fs.writeFileSync(partial, '', { mode: options.mode, flag: 'wx' });
    const result = await options.write(partial);
    syncFile(partial);
    options.beforePublish?.();
    publish(partial, target, options.replace, file);
    syncFile(dir);
    return result;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

function publish(partial: string, target: string, replace: boolean, shownName: string): void {
  if (replace) {
    fs.renameSync(partial, target);
    return;
  }
  try {
    // A hard link fails when the name is taken, where a rename would replace it.
    fs.linkSync(partial, target);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw refusalToOverwrite(shownName);
    if (code !== 'EPERM' && code !== 'ENOTSUP') throw err;
    // A file system without hard links: check, then rename (a file appearing in between would be replaced).
    if (fs.existsSync(target)) throw refusalToOverwrite(shownName);
    fs.renameSync(partial, target);
  }
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
