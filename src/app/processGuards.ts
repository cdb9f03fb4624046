import type { FastifyBaseLogger } from 'fastify';

let installed = false;

/**
 * A promise that rejects with nobody listening (a callback-style store or plugin calling back from inside a
 * `.then`) would end a Node 20 process and every public survey with it: log it at error and keep serving.
 */
export function keepServingOnUnhandledRejection(log: FastifyBaseLogger): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection; the server keeps serving'));
}
