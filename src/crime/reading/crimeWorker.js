// Starts a crime import's reading thread (readInWorker.ts): from the bundle in dist/, or from the TypeScript source
// under tsx when the app itself runs from source (tests, benchmarks). Plain JavaScript, so it needs no loader to start.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(pathToFileURL(workerData.entry).href);
