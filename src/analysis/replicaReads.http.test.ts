// Heavy reads on a replica (DATABASE_READ_URL): the analysis reads through the read connection and says how fresh it is.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { type DbHandle, openDatabase } from '../db/database.js';

describeEachEngine('analysis on a read connection', ({ engine, handle, target }) => {
  let read: DbHandle;
  let withReplica: TestServer;
  let primaryOnly: TestServer;
  let consultationId: string;
  let partnershipId: string;
  beforeAll(async () => {
    ({ consultationId, partnershipId } = await openConsultation(handle()));
    read = await openDatabase(engine === 'sqlite' ? { kind: 'sqlite', path: target() } : { kind: 'postgres', url: target() });
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
    const api = (await (await client.get(`/api/v1/consultations/${consultationId}/analysis`)).json()) as {
      n: number;
      freshness: { source: string; lagSeconds: number | null };
    };
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
});
