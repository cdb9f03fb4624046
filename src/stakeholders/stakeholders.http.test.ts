// The stakeholder register over HTTP: who may use it, adding, changing, removing and importing contacts (audited, all
// or nothing), and the partnership's SMTP settings (admins only; the password never shown back).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import type { Role } from '../accounts/roles.js';
import { openSecret } from '../platform/sealedSecret.js';

const HEADER = 'organisation,sector,contact_name,email,phone,role';
const CONTACT = {
  organisation: 'West Midlands Police',
  sector: 'police',
  contactName: 'Priya Shah',
  email: 'Priya.Shah@example.org',
  phone: '0121 496 0000',
  role: 'Inspector',
};

describeEachEngine('stakeholder register', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  const staff = new Map<Role, { client: HttpClient; csrf: string }>();
  const base = () => `/staff/partnerships/${p.id}/stakeholders`;
  const as = (role: Role) => {
    const s = staff.get(role);
    if (!s) throw new Error(role);
    return s;
  };
  const post = (role: Role, path: string, form: Record<string, string>) => as(role).client.postForm(path, { _csrf: as(role).csrf, ...form });
  const upload = (role: Role, csv: string | Uint8Array<ArrayBuffer>, name = 'contacts.csv') => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), name);
    return as(role).client.postMultipart(`${base()}/import?_csrf=${encodeURIComponent(as(role).csrf)}`, form);
  };
  const rows = () =>
    handle()
      .db.selectFrom('stakeholders')
      .select(['organisation', 'sector', 'contact_name', 'email', 'phone', 'role'])
      .where('partnership_id', '=', p.id)
      .orderBy('email')
      .execute();
  const audits = (prefix: string) =>
    handle()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('partnership_id', '=', p.id)
      .where('action', 'like', `${prefix}%`)
      .orderBy('at')
      .execute();

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db, name: 'Register Test CSP' });
    for (const role of ['admin', 'analyst', 'partner', 'member', 'viewer'] as const) {
      const { client } = await buildUser({ db, role, partnershipId: p.id, server });
      staff.set(role, { client, csrf: await client.csrfFrom('/staff') });
    }
  });
  afterAll(() => server.close());

  it('lets admins and analysts use the register, and refuses partners, members and viewers every route', async () => {
    for (const role of ['admin', 'analyst'] as const) {
      const res = await as(role).client.get(base());
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Stakeholders');
    }
    for (const role of ['partner', 'member', 'viewer'] as const) {
      for (const path of [base(), `${base()}/new`, `${base()}/import`, `${base()}/template.csv`]) {
        const res = await as(role).client.get(path);
        expect(res.status, `${role} ${path}`).toBe(403);
        await res.text();
      }
      const res = await post(role, `${base()}/new`, CONTACT);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('forbidden');
      const up = await upload(role, `${HEADER}\nA,police,B,b@example.org,,\n`);
      expect(up.status).toBe(403);
      await up.text();
    }
    expect(await rows()).toEqual([]);
  });

  it('adds a contact, names each problem, refuses a second contact with the same email, and audits', async () => {
    const bad = await post('analyst', `${base()}/new`, { ...CONTACT, organisation: '', sector: 'army', email: 'nope' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    for (const message of ['Enter the organisation', 'Choose a sector', 'Enter an email address in the correct format'])
      expect(html).toContain(message);
    expect(await rows()).toEqual([]);

    const added = await post('analyst', `${base()}/new`, CONTACT);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`${base()}?done=added`);
    await added.text();
    expect(await rows()).toEqual([
      {
        organisation: 'West Midlands Police',
        sector: 'police',
        contact_name: 'Priya Shah',
        email: 'priya.shah@example.org',
        phone: '0121 496 0000',
        role: 'Inspector',
      },
    ]);
    const again = await post('analyst', `${base()}/new`, { ...CONTACT, contactName: 'Someone else' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('priya.shah@example.org is already in the register');
    expect((await audits('stakeholder.')).map((a) => a.action)).toEqual(['stakeholder.add']);
    const page = await (await as('admin').client.get(`${base()}?done=added`)).text();
    expect(page).toContain('Priya Shah');
    expect(page).toContain('The contact was added.');
  });

  it('changes and removes a contact, each audited', async () => {
    const { id } = await handle().db.selectFrom('stakeholders').select('id').where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
    const form = await as('admin').client.get(`${base()}/${id}`);
    expect(await form.text()).toContain('value="Priya Shah"');
    const saved = await post('admin', `${base()}/${id}`, { ...CONTACT, role: 'Chief Inspector' });
    expect(saved.status).toBe(303);
    await saved.text();
    expect((await rows())[0]?.role).toBe('Chief Inspector');
    for (const role of ['partner', 'member', 'viewer'] as const) {
      const page = await as(role).client.get(`${base()}/${id}`);
      expect(page.status).toBe(403);
      await page.text();
      for (const tail of ['', '/remove']) {
        const res = await post(role, `${base()}/${id}${tail}`, { ...CONTACT, role: 'Planted' });
        expect(res.status, `${role} ${tail}`).toBe(403);
        await res.text();
      }
    }
    expect((await rows()).map((r) => r.role)).toEqual(['Chief Inspector']);
    const removed = await post('admin', `${base()}/${id}/remove`, {});
    expect(removed.status).toBe(303);
    await removed.text();
    expect(await rows()).toEqual([]);
    expect((await audits('stakeholder.')).map((a) => [a.action, JSON.parse(a.detail)])).toEqual([
      ['stakeholder.add', { organisation: 'West Midlands Police', sector: 'police' }],
      ['stakeholder.edit', { changed: ['role'] }],
      ['stakeholder.remove', { organisation: 'West Midlands Police' }],
    ]);
    const gone = await as('admin').client.get(`${base()}/${id}`);
    expect(gone.status).toBe(404);
    await gone.text();
  });

  it('offers a template and imports all or nothing, naming every problem by row and column; a known email updates', async () => {
    const template = await as('analyst').client.get(`${base()}/template.csv`);
    expect(template.headers.get('content-disposition')).toBe('attachment; filename="stakeholders.csv"');
    expect(await template.text()).toBe(`${HEADER}\r\n`);

    const bad = await upload('analyst', `${HEADER}\nFire,fire,Dana Okafor,dana@example.org,,\n,army,X,x@example.org,,\n`);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('there are 2 problems');
    expect(html).toMatch(/>3<\/td>\s*<td[^>]*>organisation<\/td>\s*<td[^>]*>Enter the organisation</);
    expect(html).toMatch(/>3<\/td>\s*<td[^>]*>sector<\/td>/);
    expect(await rows()).toEqual([]);

    const notUtf8 = await upload('analyst', new Uint8Array([0x6f, 0x72, 0x67, 0xff, 0x0a]));
    expect(notUtf8.status).toBe(422);
    expect(await notUtf8.text()).toContain('The file is not UTF-8 text');

    await post('analyst', `${base()}/new`, { ...CONTACT, email: 'dana@example.org', contactName: 'Old Name', sector: 'fire' }).then((r) => r.text());
    const good = await upload(
      'analyst',
      `${HEADER}\nWest Midlands Fire Service,Fire,Dana Okafor,DANA@example.org,,Station Commander\nVictim Support,voluntary,Sophie Turner,sophie@example.org,,\n`,
    );
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe(`${base()}?done=imported&added=1&updated=1`);
    await good.text();
    expect(await rows()).toEqual([
      {
        organisation: 'West Midlands Fire Service',
        sector: 'fire',
        contact_name: 'Dana Okafor',
        email: 'dana@example.org',
        phone: '',
        role: 'Station Commander',
      },
      { organisation: 'Victim Support', sector: 'voluntary', contact_name: 'Sophie Turner', email: 'sophie@example.org', phone: '', role: '' },
    ]);
    const imports = (await audits('stakeholder.import')).map((a) => JSON.parse(a.detail));
    expect(imports).toEqual([{ file: 'contacts.csv', added: 1, updated: 1 }]);
  });

  it('lets only admins set the SMTP server; the password is sealed, never shown back, and kept when left blank', async () => {
    const path = `/staff/partnerships/${p.id}/email-settings`;
    for (const role of ['analyst', 'partner', 'member', 'viewer'] as const) {
      const res = await as(role).client.get(path);
      expect(res.status).toBe(403);
      await res.text();
      const posted = await post(role, path, { host: 'smtp.example.org' });
      expect(posted.status).toBe(403);
      await posted.text();
    }
    const form = {
      host: 'smtp.example.org',
      port: '587',
      security: 'starttls',
      username: 'csp',
      password: 'sw0rdfish-secret',
      fromAddress: 'csp@example.org',
    };
    const bad = await post('admin', path, { ...form, port: '99999', fromAddress: 'nope' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Enter a port from 1 to 65535');
    expect(badHtml).not.toContain('sw0rdfish-secret');
    expect(await handle().db.selectFrom('smtp_settings').selectAll().where('partnership_id', '=', p.id).execute()).toEqual([]);

    expect((await post('admin', path, form)).status).toBe(303);
    const page = await (await as('admin').client.get(`${path}?saved=1`)).text();
    expect(page).toContain('A password is saved');
    expect(page).not.toContain('sw0rdfish-secret');
    const stored = await handle().db.selectFrom('smtp_settings').selectAll().where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
    expect(stored.password_sealed).not.toContain('sw0rdfish');
    expect(openSecret('saferplan-development-secret-not-for-production', 'smtp-password', stored.password_sealed ?? '')).toBe('sw0rdfish-secret');

    expect((await post('admin', path, { ...form, password: '', host: 'mail.example.org' })).status).toBe(303);
    const kept = await handle().db.selectFrom('smtp_settings').selectAll().where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
    expect([kept.host, kept.password_sealed]).toEqual(['mail.example.org', stored.password_sealed]);
    expect((await audits('smtp.')).map((a) => JSON.parse(a.detail).password)).toEqual(['changed', 'kept']);
  });
});
