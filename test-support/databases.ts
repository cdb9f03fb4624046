import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DbHandle, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createScratchDatabase, postgresAvailability } from './postgres.js';

export type Engine = 'sqlite' | 'postgres';

const pgAvailable = (await postgresAvailability()).available;

export interface EngineContext {
  engine: Engine;
  /** The open, migrated database for this engine (valid inside tests and hooks). */
  handle(): DbHandle;
  /** How to reach the same database from another process: a file path or a postgres:// URL. */
  target(): string;
}

/**
 * Runs the same suite on SQLite (a temporary file) and PostgreSQL (a scratch database).
 * PostgreSQL is skipped with a message where it is not reachable, except in CI (globalSetup fails then).
 */
export function describeEachEngine(title: string, suite: (ctx: EngineContext) => void): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const run = engine === 'postgres' && !pgAvailable ? describe.skip : describe;
    run(`${title} [${engine}]`, () => {
      let handle: DbHandle | undefined;
      let target = '';
      let cleanup: () => Promise<void> = async () => undefined;
      beforeAll(async () => {
        if (engine === 'sqlite') {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-test-'));
          target = path.join(dir, 'test.sqlite');
          handle = await openDatabase({ kind: 'sqlite', path: target });
          cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
        } else {
          const scratch = await createScratchDatabase();
          target = scratch.url;
          handle = await openDatabase({ kind: 'postgres', url: scratch.url });
          cleanup = scratch.drop;
        }
        await migrateToLatest(handle);
      });
      afterAll(async () => {
        await handle?.close();
        await cleanup();
      });
      suite({
        engine,
        handle: () => {
          if (!handle) throw new Error('database not open yet: use handle() inside a test or hook');
          return handle;
        },
        target: () => target,
      });
    });
  }
}
