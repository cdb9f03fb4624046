import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { loadDemoPartnership } from '../partnerships/demo/loadDemoPartnership.js';
import { cliActor } from '../platform/recordAudit.js';

describeEachEngine('site pages', ({ handle }) => {
  let server: TestServer;
  beforeAll(async () => {
    await loadDemoPartnership(handle().db, cliActor());
    server = await startTestServer(handle());
  });
  afterAll(() => server.close());

  it('carry the partnership brand and none of central government’s marks', async () => {
    const client = new HttpClient(server.url);
    for (const path of ['/', '/p/coventry-community-safety-partnership', '/sign-in', '/accessibility']) {
      const html = await (await client.get(path)).text();
      for (const mark of ['govuk-footer__crown', 'govuk-footer__copyright-logo', 'Crown copyright', 'govuk-logo', 'GDS Transport', 'GOV.UK'])
        expect(html, `${path} shows ${mark}`).not.toContain(mark);
    }
    const hub = await (await client.get('/p/coventry-community-safety-partnership')).text();
    expect(hub).toContain('© Coventry Community Safety Partnership');
    expect(hub).toContain('href="/brand/coventry-community-safety-partnership.css"');
  });

  it('serves the pre-rendered home page with a fresh nonce matching each response’s policy', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await new HttpClient(server.url).get('/');
      const html = await res.text();
      const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
      expect(res.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
      expect(html).toContain('Coventry Community Safety Partnership');
      nonces.add(nonce ?? '');
    }
    expect(nonces.size).toBe(3);
  });

  it('sends the security headers on pages and JSON alike', async () => {
    for (const path of ['/', '/api/v1/openapi.json', '/sign-in']) {
      const res = await new HttpClient(server.url).get(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy'), path).not.toContain('unsafe-inline');
    }
  });

  it('answers health and the OpenAPI document without setting cookies', async () => {
    const health = await new HttpClient(server.url).get('/health');
    expect(await health.json()).toEqual({ status: 'ok', database: expect.stringMatching(/^(sqlite|postgres)$/) });
    expect(health.headers.getSetCookie()).toEqual([]);
    const openapi = await (await new HttpClient(server.url).get('/api/v1/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/consultations/{id}/responses', '/api/v1/partnerships']));
  });
});
