// GET /api/v1/partnerships/{id}/crime?groupBy=: every role of the partnership reads it, another partnership's staff
// and the signed-out cannot; bad parameters are named; the figures are saferplan crime stats' (real City of London file).
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES } from '../accounts/roles.js';
import { cliActor } from '../platform/recordAudit.js';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';
import { crimeStats } from './crimeStats.js';
import { importCrime } from './importCrime.js';

const STREET = path.join(REPOSITORY_ROOT, 'fixtures/police-uk/city-of-london/2016-01-city-of-london-street.csv');

describeEachEngine('GET /api/v1/partnerships/{id}/crime', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  const url = (query: string, id = p.id) => `/api/v1/partnerships/${id}/crime?${query}`;

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db, wards: [] });
    await importCrime({ db, actor: cliActor(), partnershipId: p.id, files: [STREET] });
  });
  afterAll(() => server.close());

  it('gives every role of the partnership the counts saferplan crime stats gives', async () => {
    const expected = await crimeStats(handle().db, p.id, 'type');
    expect(expected.groups.find((g) => g.key === 'Shoplifting')).toEqual({ key: 'Shoplifting', count: 54, rate: null });
    for (const role of ROLES) {
      const client = (await buildUser({ db: handle().db, role, partnershipId: p.id, server })).client;
      const res = await client.get(url('groupBy=type'));
      expect(res.status, role).toBe(200);
      expect(await res.json()).toEqual(expected);
    }
  });

  it('filters by month and type, and names a parameter that is not allowed', async () => {
    const analyst = (await buildUser({ db: handle().db, role: 'analyst', partnershipId: p.id, server })).client;
    expect(await (await analyst.get(url('groupBy=month&from=2016-01&to=2016-01&type=Burglary&type=Drugs'))).json()).toEqual({
      groups: [{ key: '2016-01', count: 14 + 36, rate: null }],
    });
    expect(await (await analyst.get(url('groupBy=month&from=2016-02'))).json()).toEqual({ groups: [] });
    const bad = await analyst.get(url('groupBy=postcode&from=January'));
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['from', 'groupBy']);
  });

  it('refuses another partnership’s staff and the signed-out', async () => {
    const other = await buildPartnership({ db: handle().db, wards: [] });
    const outsider = (await buildUser({ db: handle().db, role: 'admin', partnershipId: other.id, server })).client;
    expect((await outsider.get(url('groupBy=type'))).status).toBe(403);
    expect((await new HttpClient(server.url).get(url('groupBy=type'))).status).toBe(401);
  });
});
