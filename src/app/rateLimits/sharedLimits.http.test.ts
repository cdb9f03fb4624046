// Rate limits kept in the database hold across instances: two servers on one database share each limit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../../test-support/httpClient.js';
import { type DbHandle, openDatabase } from '../../db/database.js';

describeEachEngine('rate limits shared through the database', ({ engine, handle, target }) => {
  let second: DbHandle;
  let servers: TestServer[];
  let consultationId: string;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle()));
    second = await openDatabase(engine === 'sqlite' ? { kind: 'sqlite', path: target() } : { kind: 'postgres', url: target() });
    const limits = { signInRateLimit: 3, submissionRateLimit: 4, rateLimitStore: 'database' as const, jobConcurrency: 0 };
    servers = [await startTestServer(handle(), limits), await startTestServer(second, limits)];
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await second.close();
  });

  it('refuses the fourth failed sign-in from an address however the attempts are spread over two instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await new HttpClient(servers[i % 2]?.url ?? '').signIn('someone@example.org', 'wrong-password')).status);
    expect(statuses).toEqual([422, 422, 422, 429, 429, 429]);
  });

  it('holds the submission limit across instances and keeps every response it acknowledged', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new HttpClient(servers[i % 2]?.url ?? '');
      statuses.push((await client.postJson(`/api/v1/consultations/${consultationId}/responses`, VALID_CRIME_ANSWERS)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    const stored = await handle()
      .db.selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(4);
  });

  it('keeps the counters in the database, one row a limited key and route', async () => {
    const rows = await handle().db.selectFrom('rate_limits').select(['key', 'hits']).orderBy('key').execute();
    expect(rows.some((r) => r.key.startsWith('POST /api/v1/consultations/:id/responses:') && r.hits === 6)).toBe(true);
  });
});
