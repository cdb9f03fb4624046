// L9: stored text that looks like a placeholder stays text on pre-rendered pages; the nonce goes only where it belongs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/httpClient.js';

const NAME = 'Nonce __saferplan_csp_nonce__ and token __saferplan_csrf_token__ Partnership';

describeEachEngine('the pre-rendered home page', ({ handle }) => {
  let server: TestServer;
  beforeAll(async () => {
    await buildPartnership({ db: handle().db, name: NAME });
    server = await startTestServer(handle());
  });
  afterAll(() => server.close());

  it('shows a partnership name containing the placeholders as written', async () => {
    const res = await fetch(`${server.url}/`);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? '';
    const html = await res.text();
    expect(html).toContain(NAME);
    expect(nonce.length).toBeGreaterThan(10);
    expect(html.split(nonce).length - 1).toBe(html.split('<script nonce=').length - 1);
  });
});
