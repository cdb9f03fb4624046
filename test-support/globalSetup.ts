import { ensureCompiled } from '../build/ensureCompiled.js';
import { buildAssets } from '../src/app/assets.js';
import { postgresAvailability } from './postgres.js';

export default async function setup() {
  // Once, before test files spawn the CLI and servers in parallel (each would otherwise find dist/ stale at once).
  await ensureCompiled();
  await buildAssets();
  const pg = await postgresAvailability();
  if (!pg.available) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI but is not reachable at ${pg.url}: ${pg.reason}`);
    process.stderr.write(
      `\nPostgreSQL not reachable at ${pg.url} (${pg.reason}): PostgreSQL tests are skipped. Set TEST_DATABASE_URL to run them.\n\n`,
    );
  }
}
