// L8: no browser or proxy keeps a copy of a staff page, analysis, export or staff API answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import type { HttpClient, TestServer } from '../../test-support/httpClient.js';
import { startTestServer } from '../../test-support/httpClient.js';
import { PROBES } from '../../test-support/tenancyProbes.js';
import { buildTenantB, type TenantB } from '../../test-support/tenantB.js';

describeEachEngine('Cache-Control on staff answers', ({ handle }) => {
  let server: TestServer;
  let b: TenantB;
  let admin: HttpClient;
  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    const built = await buildTenantB({ handle: handle(), server });
    b = built.b;
    admin = built.admin.client;
  });
  afterAll(() => server.close());

  it('sends no-store on every staff GET route, pages, downloads and API alike', async () => {
    const gets = PROBES.filter((p) => p.route.startsWith('GET '));
    expect(gets.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const probe of gets) {
      const { path } = probe.request(b);
      const res = await admin.get(path);
      await res.arrayBuffer();
      if (res.status !== 200 || res.headers.get('cache-control') !== 'no-store')
        missing.push(`${path} -> ${res.status} ${res.headers.get('cache-control')}`);
    }
    expect(missing).toEqual([]);
  });

  it('sends no-store on staff refusals too, and leaves public pages as they were', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/consultations/${b.crime.id}/responses`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/', '/sign-in', `/p/${b.partnership.slug}`, '/health', '/api/v1/openapi.json', `/api/v1/consultations/${b.crime.id}/survey`])
      expect((await fetch(`${server.url}${path}`)).headers.get('cache-control'), path).not.toBe('no-store');
  });
});
