import type { FastifyInstance } from 'fastify';
import { type DbHandle, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadDemo } from '../demo/loadDemo.js';
import { anyPartnership, type DemoLoadResult } from '../partnerships/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { purgeOriginals } from '../redaction/index.js';
import { removeAbandonedImports, removeStaleUploadDirectories } from '../responses/index.js';
import { buildAssets } from './assets.js';
import { CAPABILITIES } from './capabilities.js';
import type { Config } from './config.js';
import { createApp } from './createApp.js';
import { keepServingOnUnhandledRejection } from './processGuards.js';
import { buildServices } from './services.js';

export interface StartOptions {
  handle: DbHandle;
  config: Config;
  /** Load the demo partnership when the database holds no partnership yet. */
  demoWhenEmpty: boolean;
  logger?: boolean;
}

export interface StartedServer {
  app: FastifyInstance;
  url: string;
  demo?: DemoLoadResult;
}

export async function startServer({ handle, config, demoWhenEmpty, logger }: StartOptions): Promise<StartedServer> {
  await buildAssets();
  await migrateToLatest(handle);
  await removeStaleUploadDirectories();
  await removeAbandonedImports(handle);
  // The retention rule for residents' text as typed (docs/redaction.md), applied at every start.
  await purgeOriginals(handle.db, { id: null, label: 'system:retention' });
  for (const capability of CAPABILITIES) await (await capability.atServerStart?.())?.(handle);
  let demo: DemoLoadResult | undefined;
  if (demoWhenEmpty) {
    if (!(await anyPartnership(handle.db))) demo = await loadDemo(handle, cliActor());
  }
  const readHandle = config.readReplicaUrl ? await openDatabase({ kind: 'postgres', url: config.readReplicaUrl }) : handle;
  const app = await createApp(buildServices(handle, config, readHandle), { logger });
  if (readHandle !== handle) app.addHook('onClose', () => readHandle.close());
  keepServingOnUnhandledRejection(app.log);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, url: `http://localhost:${port}`, demo };
}
