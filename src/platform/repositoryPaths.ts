import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `from` holding a package.json. */
export function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json at or above ${from}`);
  }
}

/**
 * Where SaferPlan is installed, found from this module whether it runs as TypeScript (src/platform/, under tsx or
 * vitest) or compiled into a chunk of the bundle (dist/). Templates, styles, fixtures and the writer worker are
 * always read from the source tree, never copied into dist/.
 */
export const REPOSITORY_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const SOURCE_ROOT = path.join(REPOSITORY_ROOT, 'src');
