// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { DIST, ENTRIES, METAFILE, ROOT, STAMP, sourceFingerprint } from './sources.js';

/**
 * Bundled into dist/ with our code: pure JavaScript libraries that every command loads and that ship as hundreds
 * of small modules (kysely alone: 280 files, 0.22 s to import; bundled, 0.03 s). Everything else stays in
 * node_modules: native addons (better-sqlite3, argon2), and packages that find files or start workers at run time.
 */
const BUNDLED_PACKAGES = new Set(['commander', 'kysely', 'zod']);

/** @type {import('esbuild').Plugin} */
const externalExceptBundled = {
  name: 'external-except-bundled',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : (args.path.split('/')[0] ?? '');
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Several processes may find dist/ stale at once (test files spawning the CLI in parallel): each file is written
 * to a temporary name and renamed over the old one, so a reader sees a whole file, old or new, never half of one.
 */
function writeAtomically(/** @type {string} */ file, /** @type {string | Uint8Array} */ contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

function listFiles(/** @type {string} */ dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((e) => (e.isFile() ? [path.join(e.parentPath, e.name)] : []));
}

/**
 * Bundles the CLI (and through its `serve` command the server) from src/cli/main.ts into dist/cli/main.js. Each dynamic
 * `import()` becomes its own chunk, loaded only when reached, so `saferplan --help` loads neither the web server
 * nor the statistics. Removes files of earlier builds, then writes the fingerprint of the sources it read.
 */
export async function compileSources() {
  const fingerprint = sourceFingerprint();
  const result = await build({
    entryPoints: ENTRIES,
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    plugins: [externalExceptBundled],
    // commander is CommonJS: its require() of Node's own modules needs a real require inside an ES module.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: 'error',
    write: false,
  });
  writeAtomically(METAFILE, JSON.stringify(result.metafile));
  const written = new Set([STAMP, METAFILE]);
  for (const out of result.outputFiles) {
    writeAtomically(out.path, out.contents);
    written.add(out.path);
  }
  for (const old of listFiles(DIST).filter((f) => !written.has(f) && !f.endsWith('.tmp'))) fs.rmSync(old, { force: true });
  writeAtomically(STAMP, fingerprint);
}
