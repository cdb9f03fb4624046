// @ts-check
// What the build reads and writes, shared by the freshness check (run on every `saferplan` start) and the compiler.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
/**
 * What dist/ holds, by output name: the CLI (which also serves), the stylesheet compiler for `npm run build`, and the
 * analysis worker thread the server starts (src/analysis/worker/analysisPool.ts), an import's checking thread
 * (src/responses/staging/checkRowsInWorker.ts) and a crime import's reading thread (src/crime/reading/readInWorker.ts).
 */
export const ENTRIES = {
  'cli/main': path.join(SRC, 'cli/main.ts'),
  'app/assets': path.join(SRC, 'app/assets.ts'),
  'analysis/worker': path.join(SRC, 'analysis/worker/analysisWorkerMain.ts'),
  'responses/checkWorker': path.join(SRC, 'responses/staging/checkWorkerMain.ts'),
  'crime/readWorker': path.join(SRC, 'crime/reading/crimeWorkerMain.ts'),
};
export const DIST = path.join(ROOT, 'dist');
/** The URL of a compiled entry, e.g. compiled('cli/main'), for import(): a computed specifier, so tsc does not read the bundle. */
export const compiled = (/** @type {keyof typeof ENTRIES} */ entry) => pathToFileURL(path.join(DIST, `${entry}.js`)).href;
/** esbuild's account of the bundle (which sources and packages each file holds, and what it imports). */
export const METAFILE = path.join(DIST, 'meta.json');
/** The fingerprint of the sources dist/ was built from; written last, so a complete build is one whose stamp matches. */
export const STAMP = path.join(DIST, '.sources');
/** Besides src/, what changes the output: the compiler and its options, and the bundled packages' versions. */
const BUILD_INPUTS = ['build/compileSources.js', 'tsconfig.json', 'package-lock.json'];

const isSource = (/** @type {string} */ name) => name.endsWith('.ts') && !name.endsWith('.test.ts');

/** Paths of every TypeScript file under src/ (tests aside), in a stable order. */
function listSources() {
  return fs
    .readdirSync(SRC, { recursive: true, withFileTypes: true })
    .flatMap((e) => (e.isFile() && isSource(e.name) ? [path.join(e.parentPath, e.name)] : []))
    .sort();
}

/** One line per input, "path size mtime": any edit, addition, removal or rename gives a different text. */
export function sourceFingerprint() {
  const line = (/** @type {string} */ file) => {
    const stat = fs.statSync(file);
    return `${path.relative(ROOT, file)} ${stat.size} ${stat.mtimeMs}`;
  };
  return [...BUILD_INPUTS.map((f) => line(path.join(ROOT, f))), ...listSources().map(line)].join('\n');
}
