// User management through the real app: disable, enable, remove, role, password; who may do it; what it ends.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser, TEST_PASSWORD } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { listAuditLog } from './queries/listAuditLog.js';
import { ROLES, type Role } from './roles.js';

const GENERIC_REFUSAL = 'Enter a correct email address and password';

/** A form post with the client's CSRF token (any page with a form gives it). */
async function post(client: HttpClient, path: string, form: Record<string, string> = {}) {
  return client.postForm(path, { _csrf: await client.csrfFrom('/staff'), ...form });
}

describeEachEngine('user management over HTTP', ({ handle }) => {
  let server: TestServer;
  let a: BuiltPartnership;
  let b: BuiltPartnership;
  let admin: HttpClient;
  let adminOfB: HttpClient;
  let userOfB: { id: string; email: string };

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    a = await buildPartnership({ db, name: 'Alphaton Community Safety Partnership' });
    b = await buildPartnership({ db, name: 'Betaford Community Safety Partnership' });
    admin = (await buildUser({ db, role: 'admin', partnershipId: a.id, server })).client;
    adminOfB = (await buildUser({ db, role: 'admin', partnershipId: b.id, server })).client;
    userOfB = await buildUser({ db, role: 'analyst', partnershipId: b.id });
  });
  afterAll(() => server.close());

  const signedIn = async (role: Role) => buildUser({ db: handle().db, role, partnershipId: a.id, server });
  const auditActions = async (partnershipId: string, entityId: string) =>
    (await listAuditLog(handle().db, [partnershipId])).filter((e) => e.entityId === entityId).map((e) => e.action);

  it('disables a user: their signed-in browser is signed out on its next request and sign-in refuses them; enabling lets them back', async () => {
    const target = await signedIn('analyst');
    expect((await target.client.get('/staff')).status).toBe(200);
    const page = await admin.get(`/staff/users/${target.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Disable ${target.email}`);

    const disabled = await post(admin, `/staff/users/${target.id}/status`, { status: 'disabled' });
    expect(disabled.status).toBe(303);
    expect(disabled.headers.get('location')).toBe(`/staff/users/${target.id}?changed=disabled`);
    expect(await (await admin.get(`/staff/users/${target.id}?changed=disabled`)).text()).toContain('The user is disabled and signed out');
    expect((await target.client.get('/staff')).headers.get('location')).toBe('/sign-in?next=%2Fstaff');
    const again = await new HttpClient(server.url).signIn(target.email, TEST_PASSWORD);
    expect(again.status).toBe(422);
    expect(await again.text()).toContain(GENERIC_REFUSAL);

    expect((await post(admin, `/staff/users/${target.id}/status`, { status: 'enabled' })).status).toBe(303);
    expect((await new HttpClient(server.url).signIn(target.email, TEST_PASSWORD)).status).toBe(303);
    expect(await auditActions(a.id, target.id)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('changes a role, audited, and refuses an unknown role with a message, changing nothing', async () => {
    const target = await signedIn('viewer');
    expect((await target.client.get('/staff/consultations/none/import')).status).not.toBe(200);
    const changed = await post(admin, `/staff/users/${target.id}/role`, { role: 'analyst' });
    expect(changed.status).toBe(303);
    const row = await handle().db.selectFrom('users').select('role').where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(row.role).toBe('analyst');
    const bad = await post(admin, `/staff/users/${target.id}/role`, { role: 'superuser' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Role must be one of: admin, analyst, partner, member, viewer');
    expect((await handle().db.selectFrom('users').select('role').where('id', '=', target.id).executeTakeFirstOrThrow()).role).toBe('analyst');
    const entry = (await listAuditLog(handle().db, [a.id])).find((e) => e.entityId === target.id && e.action === 'user.role');
    expect(entry?.detail).toEqual({ email: target.email, from: 'viewer', to: 'analyst' });
  });

  it('sets a new password: the user is signed out everywhere, the new one works, a weak one is refused with the reason', async () => {
    const target = await signedIn('partner');
    const weak = await post(admin, `/staff/users/${target.id}/password`, { password: 'aaaaaaaaaaaa' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('Password must not be a character or group of characters repeated, like aaaaaaaaaaaa');
    expect((await target.client.get('/staff')).status).toBe(200);

    const set = await post(admin, `/staff/users/${target.id}/password`, { password: 'lantern-orchard-velvet' });
    expect(set.status).toBe(303);
    expect((await target.client.get('/staff')).status).toBe(303);
    expect((await new HttpClient(server.url).signIn(target.email, TEST_PASSWORD)).status).toBe(422);
    expect((await new HttpClient(server.url).signIn(target.email, 'lantern-orchard-velvet')).status).toBe(303);
    const entry = (await listAuditLog(handle().db, [a.id])).find((e) => e.entityId === target.id && e.action === 'user.password');
    expect(JSON.stringify(entry)).not.toContain('lantern');
  });

  it('removes a user after asking: signed out at once, gone from the list, audited', async () => {
    const target = await signedIn('member');
    const confirm = await admin.get(`/staff/users/${target.id}/remove`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain(`Are you sure you want to remove ${target.email}?`);
    const removed = await post(admin, `/staff/users/${target.id}/remove`);
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/staff/users?removed=1');
    const list = await (await admin.get('/staff/users?removed=1')).text();
    expect(list).toContain('The user was removed and signed out.');
    expect(list).not.toContain(target.email);
    expect((await target.client.get('/staff')).status).toBe(303);
    expect((await new HttpClient(server.url).signIn(target.email, TEST_PASSWORD)).status).toBe(422);
    expect(await handle().db.selectFrom('users').select('id').where('id', '=', target.id).execute()).toEqual([]);
    expect(await auditActions(a.id, target.id)).toContain('user.remove');
  });

  it('never leaves a partnership without an enabled administrator, not even by their own hand', async () => {
    const { db } = handle();
    const lone = await buildPartnership({ db });
    const only = await buildUser({ db, role: 'admin', partnershipId: lone.id, server });
    const message = `${only.email} is the only administrator of their partnership`;
    for (const [path, form] of [
      ['status', { status: 'disabled' }],
      ['role', { role: 'analyst' }],
      ['remove', {}],
    ] as const) {
      const res = await post(only.client, `/staff/users/${only.id}/${path}`, form);
      expect(res.status, path).toBe(422);
      expect(await res.text(), path).toContain(message);
    }
    expect(await db.selectFrom('users').select(['role', 'disabled']).where('id', '=', only.id).executeTakeFirstOrThrow()).toEqual({
      role: 'admin',
      disabled: 0,
    });
    // With a second administrator, the first may step down.
    await buildUser({ db, role: 'admin', partnershipId: lone.id });
    expect((await post(only.client, `/staff/users/${only.id}/role`, { role: 'analyst' })).status).toBe(303);
  });

  it("acts only on its own partnership's users: another partnership's user is not found and unchanged", async () => {
    const before = await handle().db.selectFrom('users').selectAll().where('id', '=', userOfB.id).executeTakeFirstOrThrow();
    for (const path of ['', '/remove']) expect((await admin.get(`/staff/users/${userOfB.id}${path}`)).status).toBe(404);
    for (const [path, form] of [
      ['status', { status: 'disabled' }],
      ['role', { role: 'viewer' }],
      ['password', { password: 'lantern-orchard-velvet' }],
      ['remove', {}],
    ] as const) {
      expect((await post(admin, `/staff/users/${userOfB.id}/${path}`, form)).status, path).toBe(404);
    }
    expect(await handle().db.selectFrom('users').selectAll().where('id', '=', userOfB.id).executeTakeFirstOrThrow()).toEqual(before);
    expect((await adminOfB.get(`/staff/users/${userOfB.id}`)).status).toBe(200);
    expect(await (await admin.get('/staff/users')).text()).not.toContain(userOfB.email);
  });

  it('lets only administrators at the user pages: other roles 403, anonymous sent to sign in (pages) or 401 (posts)', async () => {
    const target = await signedIn('viewer');
    const routes: [string, string, Record<string, string>][] = [
      ['GET', `/staff/users/${target.id}`, {}],
      ['GET', `/staff/users/${target.id}/remove`, {}],
      ['POST', `/staff/users/${target.id}/status`, { status: 'disabled' }],
      ['POST', `/staff/users/${target.id}/role`, { role: 'admin' }],
      ['POST', `/staff/users/${target.id}/password`, { password: 'lantern-orchard-velvet' }],
      ['POST', `/staff/users/${target.id}/remove`, {}],
    ];
    const expected: Record<Role | 'anonymous', number> = { admin: 200, analyst: 403, partner: 403, member: 403, viewer: 403, anonymous: 303 };
    const anonymous = new HttpClient(server.url);
    const anonymousCsrf = await anonymous.csrfFrom('/sign-in');
    for (const who of [...ROLES.filter((r) => r !== 'admin'), 'anonymous'] as const) {
      const client = who === 'anonymous' ? anonymous : (await signedIn(who)).client;
      for (const [method, path, form] of routes) {
        const res =
          method === 'GET'
            ? await client.get(path)
            : await client.postForm(path, { _csrf: who === 'anonymous' ? anonymousCsrf : await client.csrfFrom('/staff'), ...form });
        // Anonymous: a page sends them to sign in; a form post is refused (401).
        const status = who === 'anonymous' && method === 'POST' ? 401 : expected[who];
        expect(res.status, `${who} ${method} ${path}`).toBe(status);
      }
    }
    const row = await handle().db.selectFrom('users').select(['role', 'disabled']).where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'viewer', disabled: 0 });
    for (const [method, path] of routes.slice(0, 2)) expect((await admin.get(path)).status, `admin ${method} ${path}`).toBe(expected.admin);
  });

  it('lets every role change their own password with the current one; other sessions end, this one stays', async () => {
    for (const role of ROLES) {
      const me = await signedIn(role);
      const elsewhere = new HttpClient(server.url);
      expect((await elsewhere.signIn(me.email, TEST_PASSWORD)).status).toBe(303);
      expect((await me.client.get('/staff/account/password')).status).toBe(200);
      const wrong = await post(me.client, '/staff/account/password', { currentPassword: 'not-my-password', newPassword: 'lantern-orchard-velvet' });
      expect(wrong.status).toBe(422);
      expect(await wrong.text()).toContain('Enter your current password correctly');
      const weak = await post(me.client, '/staff/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' });
      expect(weak.status).toBe(422);
      expect(await weak.text()).toContain('Password is a common password or too like one');
      const mine = await post(me.client, '/staff/account/password', { currentPassword: TEST_PASSWORD, newPassword: `${me.email} is me` });
      expect(await mine.text()).toContain('Password must not contain the email address or name of its user');

      const changed = await post(me.client, '/staff/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'lantern-orchard-velvet' });
      expect(changed.status, role).toBe(303);
      expect(await (await me.client.get('/staff/account/password?changed=1')).text()).toContain('Your password was changed');
      expect((await me.client.get('/staff')).status).toBe(200);
      expect((await elsewhere.get('/staff')).status).toBe(303);
      expect((await new HttpClient(server.url).signIn(me.email, 'lantern-orchard-velvet')).status).toBe(303);
    }
    expect((await new HttpClient(server.url).get('/staff/account/password')).status).toBe(303);
  });

  it('links the own-password page from the signed-in bar', async () => {
    expect(await (await admin.get('/staff')).text()).toContain('href="/staff/account/password"');
  });

  it('adds users with the least privileged role chosen, refusing weak passwords and not saying which partnership has an email', async () => {
    const form = await (await admin.get('/staff/users')).text();
    expect(form).toMatch(/<option value="viewer" selected>/);
    const fields = { name: 'New Person', role: 'viewer', partnership: a.id, password: 'lantern-orchard-velvet' };
    const add = async (client: HttpClient, email: string, extra: Record<string, string> = {}) =>
      client.postForm('/staff/users', { _csrf: await client.csrfFrom('/staff/users'), ...fields, email, ...extra });

    const weak = await add(admin, 'weak@anytown.example', { password: 'aaaaaaaaaaaa' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('Password must not be a character or group of characters repeated');
    expect(await handle().db.selectFrom('users').select('id').where('email', '=', 'weak@anytown.example').execute()).toEqual([]);

    // An email of B's and an email of a user in no partnership at all get the same answer, naming no partnership.
    const { db } = handle();
    const loner = `loner-${Date.now()}@elsewhere.example`;
    await db
      .insertInto('users')
      .values({
        id: `loner-${Date.now()}`,
        email: loner,
        name: '',
        role: 'viewer',
        password_hash: 'x',
        disabled: 0,
        created_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    const ofB = await (await add(admin, userOfB.email)).text();
    const ofNone = await (await add(admin, loner)).text();
    const refusal = (html: string, email: string) =>
      /govuk-error-summary__list[\s\S]*?<a[^>]*>([^<]*)<\/a>/.exec(html)?.[1]?.trim().replace(email, 'EMAIL');
    expect(refusal(ofB, userOfB.email)).toBe(
      'The email EMAIL cannot be used for a new user: use another address, or ask the person who runs SaferPlan for you',
    );
    expect(refusal(ofNone, loner)).toBe(refusal(ofB, userOfB.email));
    expect(ofB).not.toContain(b.name);
    // B's own admin is told plainly that the user is already theirs.
    const own = await adminOfB.postForm('/staff/users', {
      _csrf: await adminOfB.csrfFrom('/staff/users'),
      ...fields,
      partnership: b.id,
      email: userOfB.email,
    });
    expect(await own.text()).toContain(`A user with the email ${userOfB.email} already exists`);
  });
});
