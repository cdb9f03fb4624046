import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAvailability(): Promise<{ available: boolean; url: string; reason?: string }> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true, url: TEST_DATABASE_URL };
  } catch (err) {
    return { available: false, url: TEST_DATABASE_URL, reason: (err as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh, empty database per test file, dropped afterwards, so files can run in parallel. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `saferplan_t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * The same database on a streaming replica of the test server, when there is one (TEST_REPLICA_PORT, default 5433:
 * .ci/run makes one with pg_createcluster and pg_basebackup where the machine allows); undefined otherwise.
 */
export async function replicaUrlOf(primaryUrl: string): Promise<string | undefined> {
  const url = new URL(primaryUrl);
  url.port = process.env.TEST_REPLICA_PORT ?? '5433';
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ replica: boolean }>('select pg_is_in_recovery() as replica');
      return rows[0]?.replica ? url.toString() : undefined;
    } catch (err) {
      // A database just created on the primary reaches the replica a moment later; no server there at all: no replica.
      if (!/does not exist/.test((err as Error).message)) return undefined;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return undefined;
}
