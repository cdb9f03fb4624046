// L12: /ready says ready only when the database takes a write and its migrations are current.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES } from '../accounts/roles.js';
import { type DbHandle, openDatabase } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** The same database opened so that it cannot take a write: a read-only file, or read-only transactions. */
async function readOnlyHandle(engine: 'sqlite' | 'postgres', target: string): Promise<DbHandle> {
  if (engine === 'postgres')
    return openDatabase({ kind: 'postgres', url: `${target}${target.includes('?') ? '&' : '?'}options=-c%20default_transaction_read_only%3Don` });
  const sqlite = new SQLite(target, { readonly: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', driver: { kind: 'sqlite', sqlite }, describe: 'read-only', close: () => db.destroy() };
}

describeEachEngine('GET /ready', ({ engine, handle, target }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle());
  });
  afterAll(() => server.close());

  it('is ready for anyone, signed in in any role or not, and sets no cookie', async () => {
    const partnershipId = (await buildPartnership({ db: handle().db })).id;
    const clients = [new HttpClient(server.url)];
    for (const role of ROLES) clients.push((await buildUser({ db: handle().db, role, partnershipId, server })).client);
    for (const client of clients) {
      const res = await client.get('/ready');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready', database: engine });
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const probes = await handle()
      .db.selectFrom('kysely_migration' as never)
      .selectAll()
      .where('name' as never, 'like', '~%' as never)
      .execute();
    expect(probes).toEqual([]);
  });

  it('is not ready while a migration is pending, and names it', async () => {
    const { db } = handle();
    const row = await db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .where('name' as never, '=', '0003_answer_columns' as never)
      .executeTakeFirstOrThrow();
    await db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '0003_answer_columns' as never)
      .execute();
    try {
      const res = await fetch(`${server.url}/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'not_ready',
        reason: 'migrations_pending',
        message: 'Migrations not yet applied: 0003_answer_columns. Run saferplan migrate.',
      });
    } finally {
      await db
        .insertInto('kysely_migration' as never)
        .values(row as never)
        .execute();
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });

  it('is not ready when the database cannot take a write, while /health still answers', async () => {
    const readOnly = await readOnlyHandle(engine, target());
    const stuck = await startTestServer(readOnly);
    try {
      const res = await fetch(`${stuck.url}/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not_ready', reason: 'database_not_writable', message: 'The database cannot take a write.' });
      expect((await fetch(`${stuck.url}/health`)).status).toBe(200);
    } finally {
      await stuck.close();
      await readOnly.close();
    }
  });

  it('is not ready when the SQLite file system has less free space than READY_MIN_FREE_BYTES (PostgreSQL: not ours to see)', async () => {
    const starved = await startTestServer(handle(), { readyMinFreeBytes: Number.MAX_SAFE_INTEGER });
    try {
      const res = await fetch(`${starved.url}/ready`);
      if (engine === 'postgres') {
        expect(res.status).toBe(200);
        return;
      }
      expect(res.status).toBe(503);
      const body = (await res.json()) as { reason: string; message: string };
      expect(body.reason).toBe('disk_full');
      expect(body.message).toMatch(/^Only \d+ MB free beside the database; at least \d+ MB are needed\.$/);
      expect((await fetch(`${starved.url}/health`)).status).toBe(200);
    } finally {
      await starved.close();
    }
  });
});
