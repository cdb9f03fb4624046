import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT, SOURCE_ROOT } from '../platform/repositoryPaths.js';

export const ROOT = REPOSITORY_ROOT;
export const PUBLIC_BUILD = path.join(ROOT, 'public/build');
const STYLES = path.join(SOURCE_ROOT, 'views/styles/app.scss');

const INIT_JS = `import { initAll } from '/assets/govuk-frontend.min.js';\ninitAll();\n`;

/**
 * Compiles the stylesheet when it is missing or older than its source (about two seconds): `npm run build`, which
 * `npm ci` runs, compiles it ahead, so a server start normally only compares dates, never loads Sass and writes
 * nothing (an image may keep its files read-only).
 */
export async function buildAssets({ force = false } = {}): Promise<void> {
  const css = path.join(PUBLIC_BUILD, 'app.css');
  const stale = force || !fs.existsSync(css) || fs.statSync(css).mtimeMs < fs.statSync(STYLES).mtimeMs;
  fs.mkdirSync(PUBLIC_BUILD, { recursive: true });
  if (stale) {
    const sass = await import('sass');
    const result = sass.compile(STYLES, {
      style: 'compressed',
      importers: [new sass.NodePackageImporter(ROOT)],
      quietDeps: true,
      silenceDeprecations: ['import'],
    });
    fs.writeFileSync(css, result.css);
  }
  const init = path.join(PUBLIC_BUILD, 'init.js');
  if (force || !fs.existsSync(init) || fs.readFileSync(init, 'utf8') !== INIT_JS) fs.writeFileSync(init, INIT_JS);
}
