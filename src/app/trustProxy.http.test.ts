// M6: behind one proxy that appends to X-Forwarded-For, a client's own XFF values do not buy it fresh rate limits.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { loadConfig } from './config.js';

describeEachEngine('TRUST_PROXY=1', ({ handle }) => {
  let server: TestServer;
  let email: string;
  let otherEmail: string;
  beforeAll(async () => {
    server = await startTestServer(handle(), { trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy, signInRateLimit: 10 });
    ({ email } = await buildUser({ db: handle().db, role: 'admin' }));
    ({ email: otherEmail } = await buildUser({ db: handle().db, role: 'viewer' }));
  });
  afterAll(() => server.close());

  it('counts sign-ins by the address the proxy saw, whatever the client put before it', async () => {
    const client = new HttpClient(server.url);
    const _csrf = await client.csrfFrom('/sign-in');
    const signIn = async (forwardedFor: string, as = email) =>
      (
        await client.request('POST', '/sign-in', {
          body: new URLSearchParams({ _csrf, email: as, password: 'wrong-password-1234', next: '/staff' }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
        })
      ).status;
    const statuses: number[] = [];
    // The client sent "10.0.i.1"; the proxy appended the address it saw.
    for (let i = 1; i <= 11; i++) statuses.push(await signIn(`10.0.${i}.1, 203.0.113.7`));
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
    // Failures are counted per account too, so the address is shown with another account: the same address stays
    // limited, while another client behind the same proxy has its own count (the proxy's hop is trusted, not ignored).
    expect(await signIn('10.0.99.1, 203.0.113.7', otherEmail)).toBe(429);
    expect(await signIn('203.0.113.8', otherEmail)).toBe(422);
  });
});
