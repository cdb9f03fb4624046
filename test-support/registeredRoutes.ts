import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** The route's pattern with every parameter written `:_`, e.g. /staff/consultations/:_/stage. */
  url: string;
}

/** One spelling for a route's parameters: Fastify prints two routes' parameters at one position as `:id|:pid`. */
export const routePattern = (url: string) => url.replace(/:[\w|:]+/g, ':_');

/**
 * Reads Fastify's printRoutes tree back into a flat list. Each line is a branch (`├── ` or `└── `, indented by
 * four characters a level) with the path relative to its parent and the methods it answers in brackets.
 */
export function parsePrintedRoutes(printed: string): RegisteredRoute[] {
  const paths: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of printed.split('\n')) {
    const branch = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!branch) continue;
    const depth = (branch[1] ?? '').length / 4;
    const url = (paths[depth - 1] ?? '') + (branch[2] ?? '');
    paths.length = depth;
    paths.push(url);
    for (const method of branch[3]?.split(', ') ?? []) routes.push({ method, url: routePattern(url) });
  }
  return routes;
}

/** Every route the running app answers, HEAD left out (Fastify adds it to each GET). */
export const registeredRoutes = (app: FastifyInstance): RegisteredRoute[] =>
  parsePrintedRoutes(app.printRoutes({ commonPrefix: false })).filter((r) => r.method !== 'HEAD');
