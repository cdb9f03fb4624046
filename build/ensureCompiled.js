// @ts-check
import fs from 'node:fs';
import { STAMP, sourceFingerprint } from './sources.js';

const readStamp = () => {
  try {
    return fs.readFileSync(STAMP, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Compiles src/ into dist/ when anything changed since the last build, so nobody runs stale code: `npm ci` builds
 * once (package.json "prepare"), and an edit under src/ is picked up by the next start. The check stats every
 * source file (a few milliseconds); the compiler is loaded only when it has work to do.
 */
export async function ensureCompiled() {
  if (readStamp() === sourceFingerprint()) return;
  const { compileSources } = await import('./compileSources.js');
  await compileSources();
}
