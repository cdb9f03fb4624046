// Reset links and success messages through the real app: who may make a link (each role, another partnership), the
// page shown once, the reset page (valid, weak password, used, unknown), its rate limit, and the audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser, TEST_PASSWORD } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES } from './roles.js';

const ORIGIN = 'https://safety.example.gov.uk';
const NEW_PASSWORD = 'lantern-orchard-velvet';
const linkIn = (html: string) => new RegExp(`${ORIGIN}(/reset-password/[A-Za-z0-9_-]+)`).exec(html)?.[1];
/** A form post by a signed-in client, with its CSRF token. */
const post = async (client: HttpClient, path: string, form: Record<string, string> = {}) =>
  client.postForm(path, { _csrf: await client.csrfFrom('/staff'), ...form });

describeEachEngine('password reset links over HTTP', ({ handle }) => {
  let server: TestServer;
  let a: BuiltPartnership;
  let admin: HttpClient;
  let adminEmail: string;
  let adminOfB: HttpClient;

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0, publicUrl: ORIGIN });
    a = await buildPartnership({ db, name: 'Alphaton Community Safety Partnership' });
    const b = await buildPartnership({ db, name: 'Betaford Community Safety Partnership' });
    ({ client: admin, email: adminEmail } = await buildUser({ db, role: 'admin', partnershipId: a.id, server }));
    adminOfB = (await buildUser({ db, role: 'admin', partnershipId: b.id, server })).client;
  });
  afterAll(() => server.close());

  const makeLink = async (client: HttpClient, userId: string) => post(client, `/staff/users/${userId}/reset-link`);

  it('lets only an administrator of the user’s partnership make a link: other roles 403, anonymous 401, another partnership 404', async () => {
    const { db } = handle();
    const target = await buildUser({ db, role: 'viewer', partnershipId: a.id });
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const { client } = await buildUser({ db, role, partnershipId: a.id, server });
      const res = await client.postForm(`/staff/users/${target.id}/reset-link`, { _csrf: await client.csrfFrom('/staff') });
      expect(res.status, role).toBe(403);
    }
    const anonymous = new HttpClient(server.url);
    expect((await anonymous.postForm(`/staff/users/${target.id}/reset-link`, { _csrf: await anonymous.csrfFrom('/sign-in') })).status).toBe(401);
    const other = await adminOfB.postForm(`/staff/users/${target.id}/reset-link`, { _csrf: await adminOfB.csrfFrom('/staff') });
    expect(other.status).toBe(404);
    await other.arrayBuffer();
    expect(await db.selectFrom('password_resets').select('user_id').where('user_id', '=', target.id).execute()).toEqual([]);
  });

  it('shows the link once, built from PUBLIC_URL; the user sets a password, is signed out elsewhere, and the link is then spent', async () => {
    const { db } = handle();
    const target = await buildUser({ db, role: 'analyst', partnershipId: a.id, server });
    const userPage = await (await admin.get(`/staff/users/${target.id}`)).text();
    expect(userPage).toContain('Make a reset link');
    const made = await makeLink(admin, target.id);
    expect(made.status).toBe(200);
    const html = await made.text();
    expect(html).toContain(`Password reset link for ${target.email}`);
    expect(html).toContain('SaferPlan does not send emails');
    expect(html).toContain('This is the only time the link is shown');
    const path = linkIn(html) ?? '';
    expect(path).not.toBe('');
    // Not shown again: the user's page does not hold it.
    expect(await (await admin.get(`/staff/users/${target.id}`)).text()).not.toContain(path);

    const visitor = new HttpClient(server.url);
    const page = await visitor.get(path);
    expect(page.status).toBe(200);
    const form = await page.text();
    expect(form).toContain('Choose a new password');
    expect(form).toContain(`For ${target.email}`);
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';

    const weak = await visitor.postForm(path, { _csrf, password: 'aaaaaaaaaaaa' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('Password must not be a character or group of characters repeated, like aaaaaaaaaaaa');

    const done = await visitor.postForm(path, { _csrf, password: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/sign-in?reset=1');
    expect(await (await visitor.get('/sign-in?reset=1')).text()).toContain('Your password was changed. Sign in with your new password.');
    expect((await target.client.get('/staff')).status).toBe(303);
    expect((await new HttpClient(server.url).signIn(target.email, TEST_PASSWORD)).status).toBe(422);
    expect((await new HttpClient(server.url).signIn(target.email, NEW_PASSWORD)).status).toBe(303);

    for (const again of [await visitor.get(path), await visitor.postForm(path, { _csrf, password: 'quiet-harbour-lantern' })]) {
      expect(again.status).toBe(404);
      expect(await again.text()).toContain('This password reset link has expired or has already been used. Ask an administrator for a new one.');
    }
    const unknown = await visitor.get('/reset-password/not-a-real-token-at-all-but-long-enough');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This link no longer works');

    const audit = await (await admin.get(`/staff/audit?subject=user:${target.id}`)).text();
    expect(audit).toContain('Created a one-time password reset link');
    expect(audit).toContain('Set a new password with a reset link');
    expect(audit).not.toContain(path);
  });

  it('refuses a link for a disabled user with the reason, and says when PUBLIC_URL is not set', async () => {
    const { db } = handle();
    const target = await buildUser({ db, role: 'viewer', partnershipId: a.id });
    await post(admin, `/staff/users/${target.id}/status`, { status: 'disabled' });
    const refused = await makeLink(admin, target.id);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(`${target.email} is disabled: enable them before making a password reset link`);

    const bare = await startTestServer(handle(), { signInRateLimit: 0, publicUrl: undefined });
    try {
      const client = new HttpClient(bare.url);
      await client.signIn(adminEmail, TEST_PASSWORD);
      const other = await buildUser({ db, role: 'viewer', partnershipId: a.id });
      const res = await client.postForm(`/staff/users/${other.id}/reset-link`, { _csrf: await client.csrfFrom('/staff') });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('Reset links need the address people reach this site at');
      expect(await db.selectFrom('password_resets').select('user_id').where('user_id', '=', other.id).execute()).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it('says what was done after adding a user', async () => {
    const _csrf = await admin.csrfFrom('/staff/users');
    const added = await admin.postForm('/staff/users', {
      _csrf,
      email: 'new.officer@alphaton.example',
      name: 'New Officer',
      role: 'analyst',
      partnership: a.id,
      password: NEW_PASSWORD,
    });
    expect(added.status).toBe(303);
    const location = added.headers.get('location') ?? '';
    expect(location).toMatch(/^\/staff\/users\?added=/);
    const page = await (await admin.get(location)).text();
    expect(page).toContain('govuk-notification-banner--success');
    expect(page).toContain('new.officer@alphaton.example was added as Analyst.');
    // Another partnership's admin following the same address is told nothing.
    expect(await (await adminOfB.get(location)).text()).not.toContain('new.officer@alphaton.example');
  });
});

describe('the reset page rate limit', () => {
  describeEachEngine('per client address', ({ handle }) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(handle(), { signInRateLimit: 3, publicUrl: ORIGIN });
    });
    afterAll(() => server.close());

    it('answers 429 after the limit of requests in a minute', async () => {
      const client = new HttpClient(server.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await client.get(`/reset-password/guessed-token-number-${i}-long-enough`);
        await res.arrayBuffer();
        statuses.push(res.status);
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    });
  });
});
