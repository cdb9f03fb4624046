/**
 * A store for @fastify/rate-limit that keeps its counters in the database, so that a limit holds across every
 * instance (docs/deploy.md): with three instances, ten sign-in attempts a minute stay ten, not thirty.
 */
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { countHit, readHits, removeEndedWindows } from './queries/rateLimitHits.js';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;
interface ChildOptions {
  routeInfo?: { method?: string; url?: string };
}

const SWEEP_EVERY_MS = 10 * 60_000;

export function databaseRateLimitStore(db: Kysely<Database>) {
  let sweptAt = Date.now();
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = 'global:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = Date.now();
      countHit(db, this.prefix + key, timeWindow, now).then(
        ({ hits, resetsAt }) => callback(null, { current: hits, ttl: Math.max(0, resetsAt - now) }),
        (err: Error) => callback(err),
      );
      if (now - sweptAt > SWEEP_EVERY_MS) {
        sweptAt = now;
        removeEndedWindows(db, now).catch(() => undefined);
      }
    }

    read(key: string, callback: Callback): void {
      const now = Date.now();
      readHits(db, this.prefix + key, now).then(
        ({ hits, resetsAt }) => callback(null, { current: hits, ttl: Math.max(0, resetsAt - now) }),
        (err: Error) => callback(err),
      );
    }

    /** A route's own limiter: its counters apart from every other route's (the plugin passes the merged limit options, with routeInfo). */
    child(options: object): DatabaseRateLimitStore {
      const { routeInfo } = options as ChildOptions;
      const route = routeInfo?.url ? `${routeInfo.method ?? ''} ${routeInfo.url}` : 'limiter';
      return new DatabaseRateLimitStore(undefined, `${route}:`);
    }
  };
}
