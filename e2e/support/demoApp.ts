import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/app/config.js';
import { type DbHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { type DemoLoadResult, loadDemoPartnership } from '../../src/partnerships/demo/loadDemoPartnership.js';
import { cliActor } from '../../src/platform/recordAudit.js';
import { startTestServer, type TestServer } from '../../test-support/httpClient.js';

export interface DemoApp {
  /** http://127.0.0.1:<port> of the real app, started in this process. */
  url: string;
  server: TestServer;
  handle: DbHandle;
  demo: DemoLoadResult;
  close(): Promise<void>;
}

/** The real app on a fresh, migrated SQLite file holding the demo partnership, as `npm start` serves it. */
export async function startDemoApp(overrides: Partial<Config> = {}): Promise<DemoApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-e2e-'));
  const handle = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'e2e.sqlite') });
  try {
    await migrateToLatest(handle);
    const demo = await loadDemoPartnership(handle.db, cliActor());
    const server = await startTestServer(handle, overrides);
    return {
      url: server.url,
      server,
      handle,
      demo,
      close: async () => {
        await server.close();
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
