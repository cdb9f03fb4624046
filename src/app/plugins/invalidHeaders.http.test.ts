import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { HttpClient } from '../../../test-support/httpClient.js';
import { startSessionContextApp } from '../../../test-support/sessionContextApp.js';

// The session context as createApp builds it, with a route (here only) whose redirect Node cannot send, saving a
// session first so the answer goes out through the session store's callback, as a sign-in's does.
describeEachEngine('a header Node cannot send', ({ handle }) => {
  let app: FastifyInstance;
  let url = '';
  beforeAll(async () => {
    ({ app, url } = await startSessionContextApp(handle(), (web) => {
      web.get('/bad-redirect', async (request, reply) => {
        request.session.userId = 'someone';
        return reply.redirect('/staff\nx-injected: yes', 303);
      });
      web.get('/fine', async () => ({ fine: true }));
    }));
  });
  afterAll(() => app.close());

  it('fails into the branded 500 page without the bad header, and the app keeps answering', async () => {
    const client = new HttpClient(url);
    const res = await client.get('/bad-redirect');
    expect(res.status).toBe(500);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('x-injected')).toBeNull();
    expect(await res.text()).toContain('Sorry, there is a problem with the service');
    expect((await client.get('/fine')).status).toBe(200);
  });
});
