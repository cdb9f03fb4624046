import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PUBLIC_BUILD = path.join(ROOT, 'public/build');
const STYLES = path.join(ROOT, 'src/views/styles/app.scss');

const INIT_JS = `import { initAll } from '/assets/govuk-frontend.min.js';\ninitAll();\n`;

/** Compiles the stylesheet when it is missing or older than its source; about two seconds the first time. */
export function buildAssets({ force = false } = {}): void {
  const css = path.join(PUBLIC_BUILD, 'app.css');
  const stale = force || !fs.existsSync(css) || fs.statSync(css).mtimeMs < fs.statSync(STYLES).mtimeMs;
  fs.mkdirSync(PUBLIC_BUILD, { recursive: true });
  if (stale) {
    const result = sass.compile(STYLES, {
      style: 'compressed',
      importers: [new sass.NodePackageImporter(ROOT)],
      quietDeps: true,
      silenceDeprecations: ['import'],
    });
    fs.writeFileSync(css, result.css);
  }
  fs.writeFileSync(path.join(PUBLIC_BUILD, 'init.js'), INIT_JS);
}
