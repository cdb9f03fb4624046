// Workshops over HTTP: who may do what, live capture, items and priorities (audited), invitations emailed through a
// real SMTP server (a failed send reported per person, changing nothing), dot voting through personal links, and the
// evidence page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { startSmtpServer, type TestSmtpServer } from '../../test-support/smtpServer.js';
import type { Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';

const ROLES = ['admin', 'analyst', 'partner', 'member', 'viewer'] as const;
const WORKSHOP = {
  title: 'Victim workshop',
  'heldOn-day': '17',
  'heldOn-month': '9',
  'heldOn-year': '2024',
  theme: 'victim',
  customTheme: '',
  evidence: 'Strategic assessment 2024',
  evidenceLinks: 'Strategic assessment | https://example.org/sa.pdf',
  dots: '3',
};

/** The text of a quoted-printable message body, as a mail reader shows it. */
const bodyOf = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

describeEachEngine('workshops', ({ handle }) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let p: BuiltPartnership;
  let consultation: Consultation;
  const staff = new Map<Role, { client: HttpClient; csrf: string }>();
  const people: Record<string, string> = {};
  let workshopPath = '';
  const tokens: Record<string, string> = {};
  const as = (role: Role) => {
    const s = staff.get(role);
    if (!s) throw new Error(role);
    return s;
  };
  const post = (role: Role, path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: as(role).csrf });
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return as(role).client.request('POST', path, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  };
  const db = () => handle().db;
  const audits = () =>
    db().selectFrom('audit_log').select('action').where('partnership_id', '=', p.id).where('action', 'like', 'workshop.%').orderBy('at').execute();
  const items = () => db().selectFrom('workshop_items').select('text').where('partnership_id', '=', p.id).orderBy('position').execute();

  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0, submissionRateLimit: 0 });
    smtp = await startSmtpServer({ user: 'csp', password: 'smtp-pass-1', refuse: ['refused@example.org'] });
    p = await buildPartnership({ db: db(), name: 'Workshop Test CSP' });
    consultation = await buildConsultation({ db: db(), partnershipId: p.id, stage: 'open', title: 'Crime survey 2024' });
    for (const role of ROLES) {
      const { client } = await buildUser({ db: db(), role, partnershipId: p.id, server });
      staff.set(role, { client, csrf: await client.csrfFrom('/staff') });
    }
    for (const [name, email, sector] of [
      ['Sophie Turner', 'sophie@example.org', 'voluntary'],
      ['Helen Marsh', 'helen@example.org', 'health'],
      ['Refused Person', 'refused@example.org', 'faith'],
    ] as const) {
      const res = await post('admin', `/staff/partnerships/${p.id}/stakeholders/new`, {
        organisation: `${name} Org`,
        sector,
        contactName: name,
        email,
        phone: '',
        role: '',
      });
      expect(res.status).toBe(303);
      await res.text();
    }
    for (const s of await db().selectFrom('stakeholders').select(['id', 'email']).where('partnership_id', '=', p.id).execute())
      people[s.email] = s.id;
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('lets admins and analysts create a workshop, naming each problem, and refuses everyone else', async () => {
    const path = `/staff/partnerships/${p.id}/workshops/new`;
    for (const role of ['partner', 'member', 'viewer'] as const) {
      const page = await as(role).client.get(path);
      expect(page.status).toBe(403);
      await page.text();
      const res = await post(role, path, { ...WORKSHOP, consultationId: consultation.id });
      expect(res.status).toBe(403);
      await res.text();
    }
    const form = await as('analyst').client.get(path);
    expect(await form.text()).toContain('Crime survey 2024');
    const bad = await post('analyst', path, {
      ...WORKSHOP,
      'heldOn-day': '31',
      'heldOn-month': '2',
      theme: 'custom',
      dots: '0',
      evidenceLinks: 'no link here',
      consultationId: 'nope',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    for (const message of [
      'Enter the date of the workshop',
      'Enter the name of the theme',
      'Enter the number of dots, from 1 to 10',
      'Line 1 of the links',
    ])
      expect(html).toContain(message);
    expect(await db().selectFrom('workshops').select('id').where('partnership_id', '=', p.id).execute()).toEqual([]);
    const foreign = await post('analyst', path, { ...WORKSHOP, consultationId: 'not-ours' });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('Choose one of the partnership’s consultations');

    const created = await post('analyst', path, { ...WORKSHOP, consultationId: consultation.id });
    expect(created.status).toBe(303);
    await created.text();
    workshopPath = (created.headers.get('location') ?? '').replace(/\?done=created$/, '');
    expect(workshopPath).toMatch(new RegExp(`^/staff/partnerships/${p.id}/workshops/[0-9a-f-]{36}$`));
    const stored = await db().selectFrom('workshops').selectAll().where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
    expect([stored.held_on, stored.theme, stored.consultation_id, stored.dots, stored.voting, stored.evidence_links]).toEqual([
      '2024-09-17',
      'victim',
      consultation.id,
      3,
      'not_open',
      JSON.stringify([{ text: 'Strategic assessment', href: 'https://example.org/sa.pdf' }]),
    ]);
  });

  it('shows every staff role the workshop, list and evidence; only officers get the forms', async () => {
    for (const role of ROLES) {
      for (const path of [workshopPath, `/staff/partnerships/${p.id}/workshops`, `/staff/partnerships/${p.id}/workshop-evidence`]) {
        const res = await as(role).client.get(path);
        expect(res.status, `${role} ${path}`).toBe(200);
        const html = await res.text();
        expect(html).toContain('Victim workshop');
        if (path === workshopPath) expect(html.includes('Capture items'), role).toBe(role === 'admin' || role === 'analyst');
      }
    }
    for (const role of ['partner', 'member', 'viewer'] as const)
      for (const tail of ['/edit', '/capture']) {
        const res = await as(role).client.get(`${workshopPath}${tail}`);
        expect(res.status).toBe(403);
        await res.text();
      }
  });

  it('captures items live, one idea each, coming back ready for the next; edits and removes them, audited', async () => {
    const capture = `${workshopPath}/capture`;
    for (const role of ['partner', 'member', 'viewer'] as const) {
      const res = await post(role, capture, { text: 'Planted' });
      expect(res.status).toBe(403);
      await res.text();
    }
    for (const text of ['Exploitation of vulnerable people', '  Multi-agency   networks\nneed to share sooner ', 'Lack of resources']) {
      const res = await post('analyst', capture, { text });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(capture);
      await res.text();
    }
    const empty = await post('analyst', capture, { text: '   ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Enter the idea');
    const page = await (await as('analyst').client.get(capture)).text();
    expect(page).toContain('Items so far (3)');
    expect(page).toMatch(/autofocus/);
    expect(page).toMatch(
      /<li>Lack of resources<\/li>\s*<li>Multi-agency networks need to share sooner<\/li>\s*<li>Exploitation of vulnerable people<\/li>/,
    );

    const [first, , third] = await db().selectFrom('workshop_items').select('id').where('partnership_id', '=', p.id).orderBy('position').execute();
    const edited = await post('admin', `${workshopPath}/items/${first?.id}`, { text: 'Exploitation of vulnerable people, especially children' });
    expect(edited.status).toBe(303);
    await edited.text();
    const removed = await post('admin', `${workshopPath}/items/${third?.id}/remove`, {});
    expect(removed.status).toBe(303);
    await removed.text();
    for (const role of ['partner', 'viewer'] as const) {
      const res = await post(role, `${workshopPath}/items/${first?.id}/remove`, {});
      expect(res.status).toBe(403);
      await res.text();
      const get = await as(role).client.get(`${workshopPath}/items/${first?.id}`);
      expect(get.status).toBe(403);
      await get.text();
    }
    expect(await items()).toEqual([
      { text: 'Exploitation of vulnerable people, especially children' },
      { text: 'Multi-agency networks need to share sooner' },
    ]);
    expect((await audits()).map((a) => a.action)).toEqual([
      'workshop.create',
      'workshop.item_add',
      'workshop.item_add',
      'workshop.item_add',
      'workshop.item_edit',
      'workshop.item_remove',
    ]);
  });

  it('puts people from the register on the list and records who came', async () => {
    const listed = await post('analyst', `${workshopPath}/attendees`, { attendees: Object.values(people) });
    expect(listed.status).toBe(303);
    await listed.text();
    const foreign = await post('analyst', `${workshopPath}/attendees`, { attendees: ['someone-else'] });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('Choose people from the partnership’s register');
    const came = await post('analyst', `${workshopPath}/attendance`, { attended: [people['sophie@example.org'] ?? ''] });
    expect(came.status).toBe(303);
    await came.text();
    const rows = await db()
      .selectFrom('workshop_attendees')
      .select(['stakeholder_id', 'attended'])
      .where('partnership_id', '=', p.id)
      .orderBy('stakeholder_id')
      .execute();
    expect(rows.length).toBe(3);
    expect(rows.filter((r) => r.attended === 1).map((r) => r.stakeholder_id)).toEqual([people['sophie@example.org']]);
    for (const role of ['partner', 'viewer'] as const)
      for (const tail of ['/attendees', '/attendance', '/invitations']) {
        const res = await post(role, `${workshopPath}${tail}`, {});
        expect(res.status).toBe(403);
        await res.text();
      }
  });

  it('emails personal links through the SMTP server; a refused address is reported for that person and changes nothing', async () => {
    const unset = await post('analyst', `${workshopPath}/invitations`, { invite: Object.values(people) });
    expect(unset.status).toBe(409);
    expect(await unset.text()).toContain('Email sending is not set up');
    const settings = await post('admin', `/staff/partnerships/${p.id}/email-settings`, {
      host: '127.0.0.1',
      port: String(smtp.port),
      security: 'none',
      username: 'csp',
      password: 'smtp-pass-1',
      fromAddress: 'community.safety@example.org',
    });
    expect(settings.status).toBe(303);
    await settings.text();

    const res = await post('analyst', `${workshopPath}/invitations`, { invite: Object.values(people) });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('2 of 3 invitations sent');
    expect(html).toMatch(/refused@example.org<\/td>\s*<td[^>]*>Not sent: [^<]*unavailable/);
    expect(smtp.logins).toContain('csp:smtp-pass-1');
    expect(smtp.received.map((m) => m.to).sort()).toEqual([['helen@example.org'], ['sophie@example.org']]);
    for (const mail of smtp.received) {
      const text = bodyOf(mail.raw);
      expect(mail.from).toBe('community.safety@example.org');
      expect(text).toContain('workshop "Victim workshop" (Victim) on 17 September 2024');
      const token = /https?:\/\/[^/\s]+\/w\/([A-Za-z0-9_-]{43})\r?\n/.exec(text)?.[1];
      expect(token).toBeDefined();
      tokens[mail.to[0] ?? ''] = token ?? '';
    }
    const rows = await db()
      .selectFrom('workshop_attendees')
      .select(['stakeholder_id', 'token_hash', 'invited_at'])
      .where('partnership_id', '=', p.id)
      .execute();
    const refused = rows.find((r) => r.stakeholder_id === people['refused@example.org']);
    expect([refused?.token_hash, refused?.invited_at]).toEqual([null, null]);
    expect(rows.filter((r) => r.token_hash !== null).length).toBe(2);
    expect(JSON.stringify(rows)).not.toContain(tokens['sophie@example.org']);
  });

  describe('dot voting through personal links', () => {
    const phone = () => new HttpClient(server.url);
    /** Each phone's CSRF token, read from the voting form once (a closed vote shows no form). */
    const csrfOf = new Map<HttpClient, string>();
    const vote = async (client: HttpClient, token: string, dots: Record<string, string>) => {
      const page = `/w/${token}`;
      const csrf = csrfOf.get(client) ?? (await client.csrfFrom(page));
      csrfOf.set(client, csrf);
      return client.postForm(page, { _csrf: csrf, ...dots });
    };
    let candidates: { id: string; text: string }[] = [];

    it('shows the attendee that voting has not opened, and lets officers list candidate priorities', async () => {
      const page = await phone().get(`/w/${tokens['sophie@example.org']}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Voting has not opened yet');
      const early = await post('analyst', `${workshopPath}/voting`, { to: 'open' });
      expect(early.status).toBe(409);
      expect(await early.text()).toContain('Add at least one candidate priority before opening voting');
      for (const text of ['Protect vulnerable people from exploitation', 'Stronger multi-agency networks', 'A planted priority']) {
        const res = await post('analyst', `${workshopPath}/candidates`, { candidate: text });
        expect(res.status).toBe(303);
        await res.text();
      }
      for (const role of ['partner', 'viewer'] as const) {
        const res = await post(role, `${workshopPath}/candidates`, { candidate: 'Planted' });
        expect(res.status).toBe(403);
        await res.text();
      }
      const rows = await db()
        .selectFrom('workshop_candidates')
        .select(['id', 'text'])
        .where('partnership_id', '=', p.id)
        .orderBy('position')
        .execute();
      const removed = await post('analyst', `${workshopPath}/candidates/${rows[2]?.id}/remove`, {});
      expect(removed.status).toBe(303);
      await removed.text();
      candidates = rows.slice(0, 2);
      const opened = await post('analyst', `${workshopPath}/voting`, { to: 'open' });
      expect(opened.status).toBe(303);
      await opened.text();
      const late = await post('analyst', `${workshopPath}/candidates`, { candidate: 'Too late' });
      expect(late.status).toBe(409);
      expect(await late.text()).toContain('Candidate priorities cannot change once voting has opened');
    });

    it('takes dots spread or stacked, refuses too many, allows changes until voting closes', async () => {
      const [a, b] = candidates;
      const sophie = phone();
      const helen = phone();
      const tooMany = await vote(sophie, tokens['sophie@example.org'] ?? '', { [`dots-${a?.id}`]: '2', [`dots-${b?.id}`]: '2' });
      expect(tooMany.status).toBe(422);
      expect(await tooMany.text()).toContain('You have 3 dots: you placed 4');
      expect(await db().selectFrom('workshop_votes').selectAll().where('partnership_id', '=', p.id).execute()).toEqual([]);

      const spread = await vote(sophie, tokens['sophie@example.org'] ?? '', { [`dots-${a?.id}`]: '1', [`dots-${b?.id}`]: '2' });
      expect(spread.status).toBe(303);
      await spread.text();
      const stacked = await vote(helen, tokens['helen@example.org'] ?? '', { [`dots-${a?.id}`]: '3', [`dots-${b?.id}`]: '0' });
      expect(stacked.status).toBe(303);
      await stacked.text();
      const changed = await vote(sophie, tokens['sophie@example.org'] ?? '', { [`dots-${a?.id}`]: '0', [`dots-${b?.id}`]: '3' });
      expect(changed.status).toBe(303);
      await changed.text();
      const saved = await (await sophie.get(`/w/${tokens['sophie@example.org']}?saved=1`)).text();
      expect(saved).toContain('Your votes were saved');
      expect(saved).toContain('You have placed 3 dots so far');

      const staffPage = await (await as('viewer').client.get(workshopPath)).text();
      expect(staffPage).toContain('6 dots placed by 2 attendees');
      expect(staffPage).toMatch(/Protect vulnerable people from exploitation<\/td>\s*<td[^>]*>3<\/td>/);
      expect(staffPage).toMatch(/Stronger multi-agency networks<\/td>\s*<td[^>]*>3<\/td>/);

      const closed = await post('analyst', `${workshopPath}/voting`, { to: 'closed' });
      expect(closed.status).toBe(303);
      await closed.text();
      const after = await vote(helen, tokens['helen@example.org'] ?? '', { [`dots-${a?.id}`]: '0', [`dots-${b?.id}`]: '3' });
      expect(after.status).toBe(409);
      expect(await after.text()).toContain('Voting has closed');
      const totals = await db()
        .selectFrom('workshop_votes')
        .select(['stakeholder_id', 'dots'])
        .where('partnership_id', '=', p.id)
        .orderBy('stakeholder_id')
        .execute();
      expect(totals.reduce((n, r) => n + r.dots, 0)).toBe(6);
      expect((await audits()).filter((x) => x.action === 'workshop.vote').length).toBe(3);
    });

    it('finds nothing for a link that is not one', async () => {
      for (const token of ['not-a-token', 'A'.repeat(43), '../../staff']) {
        const res = await phone().get(`/w/${encodeURIComponent(token)}`);
        expect(res.status).toBe(404);
        await res.text();
      }
    });
  });

  it('refuses partners, members and viewers every route that changes a workshop, and changes nothing', async () => {
    const snapshot = async () =>
      Promise.all(
        (['workshops', 'workshop_attendees', 'workshop_items', 'workshop_candidates', 'workshop_votes'] as const).map((t) =>
          db().selectFrom(t).selectAll().where('partnership_id', '=', p.id).execute(),
        ),
      );
    const before = await snapshot();
    const [item] = await db().selectFrom('workshop_items').select('id').where('partnership_id', '=', p.id).execute();
    const [candidate] = await db().selectFrom('workshop_candidates').select('id').where('partnership_id', '=', p.id).execute();
    const gets = [
      `/staff/partnerships/${p.id}/workshops/new`,
      `${workshopPath}/edit`,
      `${workshopPath}/capture`,
      `${workshopPath}/items/${item?.id}`,
    ];
    const posts: [string, Record<string, string>][] = [
      [`/staff/partnerships/${p.id}/workshops/new`, { ...WORKSHOP, consultationId: consultation.id }],
      [`${workshopPath}/edit`, { ...WORKSHOP, title: 'Planted', consultationId: consultation.id }],
      [`${workshopPath}/attendees`, { attendees: people['sophie@example.org'] ?? '' }],
      [`${workshopPath}/attendance`, {}],
      [`${workshopPath}/invitations`, { invite: people['sophie@example.org'] ?? '' }],
      [`${workshopPath}/capture`, { text: 'Planted' }],
      [`${workshopPath}/items/${item?.id}`, { text: 'Planted' }],
      [`${workshopPath}/items/${item?.id}/remove`, {}],
      [`${workshopPath}/candidates`, { candidate: 'Planted' }],
      [`${workshopPath}/candidates/${candidate?.id}/remove`, {}],
      [`${workshopPath}/voting`, { to: 'open' }],
    ];
    const sentBefore = smtp.received.length;
    for (const role of ['partner', 'member', 'viewer'] as const) {
      for (const path of gets) {
        const res = await as(role).client.get(path);
        expect(res.status, `${role} GET ${path}`).toBe(403);
        await res.text();
      }
      for (const [path, form] of posts) {
        const res = await post(role, path, form);
        expect(res.status, `${role} POST ${path}`).toBe(403);
        expect(await res.text()).toContain('forbidden');
      }
    }
    expect(await snapshot()).toEqual(before);
    expect(smtp.received.length).toBe(sentBefore);
  });

  it('rate-limits the personal voting link like other public forms', async () => {
    const limited = await startTestServer(handle(), { submissionRateLimit: 2 });
    try {
      const client = new HttpClient(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await client.get(`/w/${tokens['sophie@example.org']}`);
        statuses.push(res.status);
        await res.text();
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('lists the items beside the consultation’s survey on the evidence page, with a link to its analysis', async () => {
    const html = await (await as('partner').client.get(`/staff/partnerships/${p.id}/workshop-evidence`)).text();
    expect(html).toContain('Crime survey 2024');
    expect(html).toContain('Survey: 0 responses counted.');
    expect(html).toContain(`/staff/consultations/${consultation.id}/analysis`);
    expect(html).toContain('<li>Exploitation of vulnerable people, especially children</li>');
    expect(html).toMatch(/Protect vulnerable people from exploitation<\/td>\s*<td[^>]*>3<\/td>/);
  });
});
