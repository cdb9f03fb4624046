import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { HttpClient } from '../../../test-support/httpClient.js';
import { startSessionContextApp } from '../../../test-support/sessionContextApp.js';

// The session context as createApp builds it, with one staff API route that takes a form or JSON, as a future one may.
describeEachEngine('CSRF protection in the session context', ({ handle }) => {
  let app: FastifyInstance;
  let url = '';
  beforeAll(async () => {
    ({ app, url } = await startSessionContextApp(handle(), (web) => {
      web.get('/token', async (_request, reply) => ({ token: reply.generateCsrf() }));
      web.post('/api/v1/things', async () => ({ changed: true }));
    }));
  });
  afterAll(() => app.close());

  const form = (client: HttpClient, fields: Record<string, string>) => client.postForm('/api/v1/things', fields);

  it('refuses a form posted to an /api/ URL without a valid token, as a cross-site form would be', async () => {
    const client = new HttpClient(url);
    const res = await form(client, { name: 'x' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf_invalid');
    const plain = await client.request('POST', '/api/v1/things', { body: '{"name":"x"}', headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(403);
  });

  it('accepts the form with its token, and JSON without one (a browser cannot send JSON cross-site without consent)', async () => {
    const client = new HttpClient(url);
    const { token } = await (await client.get('/token')).json();
    expect((await form(client, { name: 'x', _csrf: token })).status).toBe(200);
    expect((await new HttpClient(url).postJson('/api/v1/things', { name: 'x' })).status).toBe(200);
  });
});
