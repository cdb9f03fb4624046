// @ts-check
// npm run build (and "prepare", so `npm ci` runs it): compiles src/ into dist/ and the stylesheet into public/build/,
// so neither TypeScript nor Sass is compiled when the CLI or the server starts.
import { compileSources } from './compileSources.js';
import { compiled } from './sources.js';

await compileSources();
/** @type {typeof import('../src/app/assets.js')} */
const assets = await import(compiled('app/assets'));
await assets.buildAssets({ force: true });
