// L10: errors answered before any route runs still get our security headers and the branded page.
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/httpClient.js';

/** A raw GET (fetch refuses some of these requests before sending them). */
function rawGet(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.get(`${url}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

const expectOurHeaders = (headers: http.IncomingHttpHeaders | Headers) => {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('referrer-policy')).toBe('no-referrer');
  expect(get('content-security-policy')).toContain("frame-ancestors 'none'");
};

describeEachEngine('errors before routing', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle(), 'crime-survey', 'Header room'));
    server = await startTestServer(handle());
  });
  afterAll(() => server.close());

  it('answers a URL that cannot be decoded with the branded page and our headers', async () => {
    const res = await rawGet(server.url, '/p/%E0%A4%A');
    expect(res.status).toBe(400);
    expectOurHeaders(res.headers);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('The web address is not valid');
    expect(res.body).toContain('Error code: bad_request');
    expect(res.body).not.toContain('FST_ERR_BAD_URL');
  });

  it('answers a bad URL under /api/ with the JSON error body', async () => {
    const res = await rawGet(server.url, '/api/v1/consultations/%E0%A4%A/survey');
    expect(res.status).toBe(400);
    expectOurHeaders(res.headers);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'bad_request', message: 'The web address is not valid. Check it is correct.', fields: [] },
    });
  });

  it('answers headers too large for the server with a branded 431 and our headers', async () => {
    const res = await rawGet(server.url, '/', { 'x-padding': 'a'.repeat(300 * 1024) });
    expect(res.status).toBe(431);
    expectOurHeaders(res.headers);
    expect(res.body).toContain('The web address or the request headers were too long for this service.');
  });

  it('takes the dashboard’s 20,000-character margins box through its GET form', async () => {
    const { client } = await buildUser({ db: handle().db, role: 'analyst', partnershipId: (await partnershipOf(consultationId)) ?? '', server });
    const margins = `variable,value,population\n${'sex,fémale,180000\n'.repeat(1200)}`.slice(0, 20_000);
    const query = new URLSearchParams({ weighted: 'on', margins }).toString();
    expect(query.length).toBeGreaterThan(30_000);
    const res = await client.get(`/staff/consultations/${consultationId}/analysis?${query}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Population margins for weighting');
  });

  const partnershipOf = async (id: string) =>
    (await handle().db.selectFrom('consultations').select('partnership_id').where('id', '=', id).executeTakeFirst())?.partnership_id;
});
