import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';
import { loadDemoPartnership } from '../partnerships/demo/loadDemoPartnership.js';
import { cliActor } from '../platform/recordAudit.js';
import { listAuditLog } from './queries/listAuditLog.js';

describeEachEngine('accounts over HTTP', ({ handle }) => {
  let server: TestServer;
  let partnershipId: string;
  beforeAll(async () => {
    partnershipId = (await loadDemoPartnership(handle().db, cliActor())).partnershipId;
    server = await startTestServer(handle(), { signInRateLimit: 100 });
  });
  afterAll(() => server.close());

  it('signs the demo admin in and out', async () => {
    const client = new HttpClient(server.url);
    const res = await client.signIn('admin@saferplan.demo', DEMO_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('saferplan.sid='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const home = await client.get('/staff');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('Signed in as admin@saferplan.demo');
    expect(html).toContain('Coventry Community Safety Partnership');
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect((await client.postForm('/sign-out', { _csrf })).status).toBe(303);
    expect((await client.get('/staff')).headers.get('location')).toBe('/sign-in?next=%2Fstaff');
  });

  it('sends a sign-in with a line break in next to /staff, and keeps serving (H1)', async () => {
    const client = new HttpClient(server.url);
    const page = await client.get('/sign-in?next=%2Fstaff%0A');
    const html = await page.text();
    expect(html).toContain('name="next" value="/staff"');
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await client.postForm('/sign-in', { _csrf, email: 'admin@saferplan.demo', password: DEMO_PASSWORD, next: '/staff\n' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff');
    const other = new HttpClient(server.url);
    const again = await other.postForm('/sign-in', {
      _csrf: await other.csrfFrom('/sign-in'),
      email: 'admin@saferplan.demo',
      password: DEMO_PASSWORD,
      next: '//evil.example/staff',
    });
    expect(again.headers.get('location')).toBe('/staff');
    expect((await client.get('/staff')).status).toBe(200);
    expect((await other.get('/health')).status).toBe(200);
  });

  it('answers a wrong password with one GOV.UK error that reveals nothing else', async () => {
    const client = new HttpClient(server.url);
    const wrong = await client.signIn('admin@saferplan.demo', 'not-the-password');
    const unknown = await client.signIn('nobody@saferplan.demo', 'not-the-password');
    expect(wrong.status).toBe(422);
    const a = await wrong.text();
    const b = await unknown.text();
    for (const html of [a, b]) {
      expect(html).toContain('govuk-error-summary');
      expect(html).toContain('Enter a correct email address and password');
      expect(html).toContain('<title>Error: Sign in');
    }
  });

  it('rejects a form post without a valid CSRF token and changes nothing', async () => {
    const client = new HttpClient(server.url);
    await client.get('/sign-in');
    const res = await client.postForm('/sign-in', { _csrf: 'forged', email: 'admin@saferplan.demo', password: DEMO_PASSWORD });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('This form has expired');
    expect((await client.get('/staff')).status).toBe(303);
  });

  it('shows the staff pages only to users allowed to see them', async () => {
    const analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
    expect((await analyst.get('/staff')).status).toBe(200);
    expect((await analyst.get('/staff/users')).status).toBe(403);
    expect((await analyst.get('/staff/audit')).status).toBe(403);
    expect((await analyst.get(`/staff/partnerships/${partnershipId}`)).status).toBe(200);
    expect((await analyst.get('/staff/partnerships/someone-elses')).status).toBe(403);
  });

  it('lets an admin add a user, audits it, and refuses duplicates and bad roles with field errors', async () => {
    const admin = new HttpClient(server.url);
    await admin.signIn('admin@saferplan.demo', DEMO_PASSWORD);
    const fields = {
      email: 'Officer@Example.org',
      name: 'An Officer',
      role: 'partner',
      partnership: partnershipId,
      password: 'a-long-enough-password',
    };
    let _csrf = await admin.csrfFrom('/staff/users');
    expect((await admin.postForm('/staff/users', { _csrf, ...fields })).status).toBe(303);
    expect(await (await admin.get('/staff/users')).text()).toContain('officer@example.org');

    const audit = await listAuditLog(handle().db, [partnershipId]);
    const entry = audit.find((e) => e.action === 'user.create' && e.detail.email === 'officer@example.org');
    expect(entry?.actor).toBe('admin@saferplan.demo');

    _csrf = await admin.csrfFrom('/staff/users');
    const dup = await admin.postForm('/staff/users', { _csrf, ...fields });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('A user with the email officer@example.org already exists');

    _csrf = await admin.csrfFrom('/staff/users');
    const badRole = await admin.postForm('/staff/users', { _csrf, ...fields, email: 'x@example.org', role: 'superuser' });
    expect(badRole.status).toBe(422);
    expect(await badRole.text()).toContain('Role must be one of: admin, analyst, partner, member, viewer');
    const users = await handle().db.selectFrom('users').select('email').where('email', '=', 'x@example.org').execute();
    expect(users).toEqual([]);
  });

  it('answers unknown pages with a 404 page and the API with JSON errors', async () => {
    const client = new HttpClient(server.url);
    const page = await client.get('/no-such-page');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page not found');
    const api = await client.get('/api/v1/partnerships');
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in to continue', fields: [] } });
  });

  it('refuses oversized and malformed bodies and keeps serving', async () => {
    const client = new HttpClient(server.url);
    const huge = await client.request('POST', '/sign-in', {
      body: `email=${'a'.repeat(2_000_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(huge.status).toBe(413);
    const badJson = await client.request('POST', '/api/v1/partnerships', { body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.code).toBe('bad_request');
    expect((await client.get('/health')).status).toBe(200);
  });

  it('sends a content security policy without unsafe-inline', async () => {
    const res = await new HttpClient(server.url).get('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).not.toContain('unsafe-inline');
  });
});

/** GETs or POSTs over a connection from the given loopback address (127.0.0.2 is another client to the server). */
function requestFrom(localAddress: string, url: string, options: { method?: string; cookie?: string; form?: Record<string, string> } = {}) {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise<{ status: number; cookies: string[]; text: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        localAddress,
        headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? ''), text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A whole sign-in (the form, then the post) from one address; the status of the post. */
async function signInFrom(baseUrl: string, localAddress: string, email: string, password: string): Promise<number> {
  const form = await requestFrom(localAddress, `${baseUrl}/sign-in`);
  const _csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const post = await requestFrom(localAddress, `${baseUrl}/sign-in`, {
    method: 'POST',
    cookie: form.cookies.join('; '),
    form: { _csrf, email, password },
  });
  return post.status;
}

describe('sign-in rate limit', () => {
  describeEachEngine('repeated failures', ({ handle }) => {
    let server: TestServer;
    beforeAll(async () => {
      await loadDemoPartnership(handle().db, cliActor());
      server = await startTestServer(handle(), { signInRateLimit: 3 });
    });
    afterAll(() => server.close());

    it('are refused with 429 after the limit', async () => {
      const client = new HttpClient(server.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.signIn('someone@example.org', 'wrong-password')).status);
      expect(statuses).toEqual([422, 422, 422, 429, 429]);
    });

    it('do not include successful sign-ins (L13)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push(await signInFrom(server.url, '127.0.0.3', 'analyst@saferplan.demo', DEMO_PASSWORD));
      expect(statuses).toEqual([303, 303, 303, 303, 303]);
    });

    it('are counted per account as well as per address (L13)', async () => {
      const failures: number[] = [];
      for (let i = 0; i < 3; i++) failures.push(await signInFrom(server.url, '127.0.0.4', 'admin@saferplan.demo', 'wrong-password'));
      expect(failures).toEqual([422, 422, 422]);
      // The account is refused from another address, even with its right password; other accounts there are not.
      expect(await signInFrom(server.url, '127.0.0.5', 'admin@saferplan.demo', DEMO_PASSWORD)).toBe(429);
      expect(await signInFrom(server.url, '127.0.0.5', 'ADMIN@saferplan.demo ', DEMO_PASSWORD)).toBe(429);
      expect(await signInFrom(server.url, '127.0.0.5', 'analyst@saferplan.demo', DEMO_PASSWORD)).toBe(303);
      // The address is refused for any account.
      expect(await signInFrom(server.url, '127.0.0.4', 'analyst@saferplan.demo', DEMO_PASSWORD)).toBe(429);
    });
  });
});

describeEachEngine('the sign-in audit trail (L14)', ({ handle }) => {
  let server: TestServer;
  let partnershipId: string;
  beforeAll(async () => {
    partnershipId = (await loadDemoPartnership(handle().db, cliActor())).partnershipId;
    server = await startTestServer(handle(), { signInRateLimit: 0 });
  });
  afterAll(() => server.close());

  it('records failed and successful sign-ins and sign-outs, with the email tried and never the password', async () => {
    const client = new HttpClient(server.url);
    await client.signIn('analyst@saferplan.demo', 'a-wrong-guess-123');
    await client.signIn('nobody@nowhere.example', 'another-wrong-guess');
    await client.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
    const _csrf = await client.csrfFrom('/staff');
    expect((await client.postForm('/sign-out', { _csrf })).status).toBe(303);

    const entries = (await listAuditLog(handle().db, [partnershipId])).filter((e) => e.action.startsWith('session.'));
    const seen = entries.map((e) => [e.action, e.actor, e.detail.email, e.partnershipId]).reverse();
    expect(seen).toEqual([
      ['session.sign-in-failed', 'analyst@saferplan.demo', 'analyst@saferplan.demo', partnershipId],
      ['session.sign-in-failed', 'nobody@nowhere.example', 'nobody@nowhere.example', null],
      ['session.sign-in', 'analyst@saferplan.demo', 'analyst@saferplan.demo', partnershipId],
      ['session.sign-out', 'analyst@saferplan.demo', 'analyst@saferplan.demo', partnershipId],
    ]);
    const stored = JSON.stringify(await handle().db.selectFrom('audit_log').selectAll().execute());
    expect(stored).not.toContain('wrong-guess');
    expect(stored).not.toContain(DEMO_PASSWORD);
  });
});

describeEachEngine('a form post that is not a form', ({ handle }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle());
  });
  afterAll(() => server.close());

  it('gets a 400, not a server error', async () => {
    const client = new HttpClient(server.url);
    const token = await client.csrfFrom('/sign-in');
    const res = await client.request('POST', '/sign-in', { body: '[1,2]', headers: { 'content-type': 'application/json', 'x-csrf-token': token } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('There is a problem with what you sent');
  });
});
