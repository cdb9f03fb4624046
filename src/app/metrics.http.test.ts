// /metrics for a configured scraper only, request ids on every answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { queueJob } from '../jobs/index.js';

const TOKEN = 'scraper-token-0123456789abcdef';

describeEachEngine('metrics and request ids', ({ handle }) => {
  let server: TestServer;
  let closed: TestServer;
  let consultationId: string;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle()));
    server = await startTestServer(handle(), { submissionRateLimit: 0, metricsToken: TOKEN, jobConcurrency: 0 });
    closed = await startTestServer(handle(), { jobConcurrency: 0 });
  });
  afterAll(async () => {
    await server.close();
    await closed.close();
  });
  const scrape = (token?: string) => fetch(`${server.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const line = (text: string, prefix: string) => text.split('\n').find((l) => l.startsWith(prefix));

  it('answers only the scraper holding the token, and nobody when no token is set', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`${TOKEN}x`)).status).toBe(401);
    expect((await scrape('short')).status).toBe(401);
    expect((await fetch(`${closed.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    const ok = await scrape(TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('counts requests by route pattern, submissions stored, and the job queue', async () => {
    const client = new HttpClient(server.url);
    for (let i = 0; i < 3; i++)
      expect((await client.postJson(`/api/v1/consultations/${consultationId}/responses`, VALID_CRIME_ANSWERS)).status).toBe(201);
    expect((await client.postJson(`/api/v1/consultations/${consultationId}/responses`, { safe_dark: 'terrified' })).status).toBe(422);
    await fetch(`${server.url}/no/such/page/${Math.random()}`);
    await queueJob(handle().db, { kind: 'metrics-test', partnershipId: null, payload: {} });
    const text = await (await scrape(TOKEN)).text();
    expect(line(text, 'saferplan_submissions_total ')).toBe('saferplan_submissions_total 3');
    expect(line(text, 'saferplan_http_requests_total{route="/api/v1/consultations/:id/responses",method="POST",status="2xx"}')).toMatch(/ 3$/);
    expect(line(text, 'saferplan_http_requests_total{route="/api/v1/consultations/:id/responses",method="POST",status="4xx"}')).toMatch(/ 1$/);
    expect(text).not.toContain('/no/such/page');
    expect(line(text, 'saferplan_jobs{kind="metrics-test",status="queued"}')).toBe('saferplan_jobs{kind="metrics-test",status="queued"} 1');
    expect(line(text, 'saferplan_jobs_oldest_age_seconds{kind="metrics-test",status="queued"}')).toBeDefined();
    expect(text).toContain('saferplan_http_request_duration_seconds_bucket');
  });

  it("gives every answer a request id: the proxy's when it is a plain token, a fresh one otherwise", async () => {
    const kept = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const forged = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'a b"}{' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = [await fetch(`${server.url}/`), await fetch(`${server.url}/`)].map((r) => r.headers.get('x-request-id'));
    expect(fresh[0]).not.toBe(fresh[1]);
  });
});
