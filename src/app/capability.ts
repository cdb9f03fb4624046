import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { DatabaseTarget, DbHandle } from '../db/database.js';
import type { JobEnvironment, JobKinds } from '../jobs/index.js';
import type { ApiOperation } from '../platform/openApi.js';
import type { Actor } from '../platform/recordAudit.js';
import type { Services } from './services.js';

/** A group of routes, registered with the services every route receives. */
export type RoutePlugin = (app: FastifyInstance, options: { services: Services }) => Promise<void>;

/**
 * What the saferplan program hands each capability's commands. A command's action imports its operations when it
 * runs (`await import(...)`), never at the top of cli.ts, so listing the commands loads none of them.
 */
export interface CliContext {
  /** Opens (and migrates) the database chosen by --db, DATABASE_URL or SQLITE_PATH, runs the work, closes it. */
  withDatabase<T>(work: (handle: DbHandle) => Promise<T>): Promise<T>;
  /** The database chosen by --db, DATABASE_URL or SQLITE_PATH, unopened: for commands that must not migrate or hold it open (backup, restore). */
  databaseTarget(): Promise<DatabaseTarget>;
  /** The partnership named by --partnership (id or slug), or the only one; undefined when there is none. */
  resolvePartnershipId(handle: DbHandle, given: string | undefined): Promise<string | undefined>;
  /** Where this install's public pages are served, for links printed by commands. */
  baseUrl(): Promise<string>;
  /** The Chromium that prints PDFs (CHROMIUM_PATH, else Debian's). */
  chromiumPath(): Promise<string>;
}

/** What a capability's demo step receives: earlier steps' results (the partnership first) and the audit actor. */
export interface DemoContext {
  handle: DbHandle;
  actor: Actor;
  loaded: Record<string, unknown> & { partnershipId?: string };
}

/**
 * How a capability declares itself, once: the server, the CLI, the OpenAPI document and the demo loop over
 * src/app/capabilities.ts. Route modules, OpenAPI paths and demo loaders are imported when first needed,
 * so the CLI starts without loading the web server.
 */
export interface Capability {
  name: string;
  /** Routes answered without a session or cookies (the public JSON API). */
  statelessRoutes?: () => Promise<RoutePlugin[]>;
  /** Pages and the staff API: inside the session context, CSRF-protected. */
  webRoutes?: () => Promise<RoutePlugin[]>;
  /** The /api/v1 operations this capability serves, with the zod schemas of their requests and answers (for the OpenAPI document). */
  openApi?: () => Promise<readonly ApiOperation[]>;
  /** Registers this capability's saferplan commands. */
  commands?: (program: Command, cli: CliContext) => void;
  /** Loads this capability's part of the demo partnership (idempotent); returns what later steps or the caller need. */
  demo?: () => Promise<(context: DemoContext) => Promise<Record<string, unknown>>>;
  /** The background jobs this capability runs (docs/jobs.md), made once per instance. */
  jobs?: () => Promise<(env: JobEnvironment) => JobKinds>;
  /** Run by `saferplan serve` before it listens: tidies what a stopped server left (a run that can never finish). */
  atServerStart?: () => Promise<(handle: DbHandle) => Promise<void>>;
}
