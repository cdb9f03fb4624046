#!/usr/bin/env node
// @ts-check
// Runs the compiled CLI in dist/ (built by `npm ci`), compiling src/ again first when a source file changed since.
import { ensureCompiled } from '../build/ensureCompiled.js';
import { compiled } from '../build/sources.js';

try {
  await ensureCompiled();
} catch (err) {
  process.stderr.write(`saferplan: could not compile src/ into dist/: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
await import(compiled('cli/main'));
