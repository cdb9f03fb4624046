// Heavy reads on a replica (DATABASE_READ_URL): the analysis reads through the read connection and says how fresh it is.
// On PostgreSQL it uses a real streaming replica when the machine has one (test-support/postgres.ts replicaUrlOf),
// else a second connection to the primary standing in for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { replicaUrlOf } from '../../test-support/postgres.js';
import { type DbHandle, openDatabase } from '../db/database.js';

describeEachEngine('analysis on a read connection', ({ engine, handle, target }) => {
  let read: DbHandle;
  let realReplica = false;
  let withReplica: TestServer;
  let primaryOnly: TestServer;
  let consultationId: string;
  let partnershipId: string;
  beforeAll(async () => {
    ({ consultationId, partnershipId } = await openConsultation(handle()));
    const replica = engine === 'postgres' ? await replicaUrlOf(target()) : undefined;
    realReplica = replica !== undefined;
    if (engine === 'postgres' && !realReplica) console.warn('No streaming replica on this machine: a second connection to the primary stands in');
    read = await openDatabase(engine === 'sqlite' ? { kind: 'sqlite', path: target() } : { kind: 'postgres', url: replica ?? target() });
    withReplica = await startTestServer(handle(), { submissionRateLimit: 0, jobConcurrency: 0 }, read);
    primaryOnly = await startTestServer(handle(), { submissionRateLimit: 0, jobConcurrency: 0 });
  });
  afterAll(async () => {
    await withReplica.close();
    await primaryOnly.close();
    await read.close();
  });

  it('counts what the read connection holds and says where the figures came from', async () => {
    for (let i = 0; i < 3; i++)
      expect((await new HttpClient(withReplica.url).postJson(`/api/v1/consultations/${consultationId}/responses`, VALID_CRIME_ANSWERS)).status).toBe(
        201,
      );
    const { client } = await buildUser({ db: handle().db, role: 'analyst', partnershipId, server: withReplica });
    type Api = { n: number; freshness: { source: string; lagSeconds: number | null } };
    let api = (await (await client.get(`/api/v1/consultations/${consultationId}/analysis`)).json()) as Api;
    // A real replica replays the writes a moment later: ask again until it has.
    for (let i = 0; i < 50 && (api.n !== 3 || api.freshness.lagSeconds !== 0); i++) {
      await new Promise((r) => setTimeout(r, 100));
      api = (await (await client.get(`/api/v1/consultations/${consultationId}/analysis`)).json()) as Api;
    }
    expect(api.n).toBe(3);
    // SQLite has no replicas: its one file is the primary however it is opened.
    expect(api.freshness).toMatchObject(engine === 'postgres' ? { source: 'replica', lagSeconds: 0 } : { source: 'primary', lagSeconds: 0 });
    const page = await (await client.get(`/staff/consultations/${consultationId}/analysis`)).text();
    if (engine === 'postgres') expect(page).toContain('These figures were read from a copy of the database that was up to date.');
    else expect(page).not.toContain('data-freshness');

    const other = (await buildUser({ db: handle().db, role: 'analyst', partnershipId, server: primaryOnly })).client;
    const fromPrimary = (await (await other.get(`/api/v1/consultations/${consultationId}/analysis`)).json()) as { freshness: { source: string } };
    expect(fromPrimary.freshness.source).toBe('primary');
  });

  it('reads through a real streaming replica where the machine has one', async (ctx) => {
    if (engine === 'sqlite' || !realReplica) ctx.skip();
    const { rows } = await (await import('kysely')).sql<{ replica: boolean }>`select pg_is_in_recovery() as replica`.execute(read.db);
    expect(rows[0]?.replica).toBe(true);
  });
});
