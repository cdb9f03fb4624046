// The partnership settings page (admins only) and `saferplan partnership set-suppression`: the suppression minimum.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';
import { ROLES, type Role } from '../accounts/roles.js';

describeEachEngine('partnership settings', ({ handle, target }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const settings = () => `/staff/partnerships/${p.id}/settings`;
  const stored = async () =>
    (await handle().db.selectFrom('partnerships').select('suppression_minimum').where('id', '=', p.id).executeTakeFirstOrThrow()).suppression_minimum;
  const audited = async () =>
    (await handle().db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', p.id).execute()).filter(
      (e) => e.action === 'partnership.set_suppression_minimum',
    );

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db });
    for (const role of ROLES) staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    adminOfOther = (await buildUser({ db, role: 'admin', server })).client;
  });
  afterAll(() => server.close());

  it('stores 10 for a partnership until an admin changes it', async () => {
    expect(await stored()).toBe(10);
    const page = await staff.get('admin')!.get(settings());
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/name="suppressionMinimum"[^>]*value="10"/);
    expect(await (await staff.get('admin')!.get(`/staff/partnerships/${p.id}`)).text()).toContain(settings());
    expect(await (await staff.get('analyst')!.get(`/staff/partnerships/${p.id}`)).text()).not.toContain(settings());
  });

  it('is for the admins of this partnership only', async () => {
    for (const role of ROLES) {
      const client = staff.get(role)!;
      const expected = role === 'admin' ? 200 : 403;
      expect([role, (await client.get(settings())).status]).toEqual([role, expected]);
      if (role === 'admin') continue;
      const csrf = await client.csrfFrom('/staff');
      expect([role, (await client.postForm(settings(), { _csrf: csrf, suppressionMinimum: '3' })).status]).toEqual([role, 403]);
    }
    const anonymous = new HttpClient(server.url);
    const page = await anonymous.get(settings());
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/sign-in');
    const csrf = await anonymous.csrfFrom('/sign-in');
    expect((await anonymous.postForm(settings(), { _csrf: csrf, suppressionMinimum: '3' })).status).toBe(401);
    expect((await adminOfOther.get(settings())).status).toBe(403);
    const otherCsrf = await adminOfOther.csrfFrom('/staff');
    expect((await adminOfOther.postForm(settings(), { _csrf: otherCsrf, suppressionMinimum: '3' })).status).toBe(403);
    expect(await stored()).toBe(10);
    expect(await audited()).toEqual([]);
  });

  it('refuses a minimum under 3 or not a whole number, saying why, and changes nothing', async () => {
    const admin = staff.get('admin')!;
    const csrf = await admin.csrfFrom(settings());
    for (const [entered, message] of [
      ['2', 'The minimum base must be 3 or more: smaller groups could identify people'],
      ['0', 'The minimum base must be 3 or more: smaller groups could identify people'],
      ['ten', 'Enter the minimum base as a whole number, like 10'],
      ['4.5', 'Enter the minimum base as a whole number, like 10'],
      ['', 'Enter the minimum base as a whole number, like 10'],
    ]) {
      const res = await admin.postForm(settings(), { _csrf: csrf, suppressionMinimum: entered as string });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('There is a problem');
      expect(html).toContain(message);
      expect(html).toContain('href="#suppressionMinimum"');
    }
    expect(await (await admin.postForm(settings(), { _csrf: 'forged', suppressionMinimum: '5' })).status).toBe(403);
    expect(await stored()).toBe(10);
    expect(await audited()).toEqual([]);
  });

  it('saves a minimum of 3 or more with an audit entry', async () => {
    const admin = staff.get('admin')!;
    const res = await admin.postForm(settings(), { _csrf: await admin.csrfFrom(settings()), suppressionMinimum: ' 15 ' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${settings()}?saved=1`);
    expect(await stored()).toBe(15);
    expect(await (await admin.get(`${settings()}?saved=1`)).text()).toContain('The settings were saved.');
    expect((await audited()).map((e) => JSON.parse(e.detail))).toEqual([{ from: 10, to: 15 }]);
  });

  it('is set from the command line too, refusing less than 3', async () => {
    const refused = await runCli(['--db', target(), 'partnership', 'set-suppression', '--partnership', p.slug, '2']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('The minimum base must be 3 or more');
    expect(await stored()).toBe(15);
    const set = await runCli(['--db', target(), 'partnership', 'set-suppression', '--partnership', p.slug, '6']);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toEqual({ partnership: p.id, suppressionMinimum: 6 });
    expect(await stored()).toBe(6);
    expect((await audited()).map((e) => JSON.parse(e.detail))).toEqual([
      { from: 10, to: 15 },
      { from: 15, to: 6 },
    ]);
  });
});
