import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { listAuditLog } from '../accounts/queries/listAuditLog.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';

const PUBLIC_URL = 'https://safety.example.gov.uk';

describeEachEngine('staff consultation pages', ({ handle }) => {
  let server: TestServer;
  let partnershipId: string;
  let analyst: HttpClient;
  beforeAll(async () => {
    ({ partnershipId } = await openConsultation(handle(), 'crime-survey', 'Existing survey'));
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
  });
  afterAll(() => server.close());

  it('creates a Crime Survey from the template with UK dates, then opens and closes it, each step audited', async () => {
    const form = `/staff/partnerships/${partnershipId}/consultations/new`;
    let _csrf = await analyst.csrfFrom(form);
    const bad = await analyst.postForm(form, {
      _csrf,
      template: 'crime-survey',
      title: 'Crime Survey 2027',
      'opens-day': '31',
      'opens-month': '2',
      'opens-year': '2027',
      'closes-day': '',
      'closes-month': '',
      'closes-year': '',
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('The opening date must be a real date');
    expect(badHtml).toContain('Enter the closing date');
    expect(badHtml).toContain('href="#opens-day"');

    _csrf = await analyst.csrfFrom(form);
    const created = await analyst.postForm(form, {
      _csrf,
      template: 'crime-survey',
      title: 'Crime Survey 2027',
      'opens-day': '10',
      'opens-month': '7',
      'opens-year': '2027',
      'closes-day': '2',
      'closes-month': '10',
      'closes-year': '2027',
    });
    expect(created.status).toBe(303);
    const page = created.headers.get('location')!;
    expect(page).toMatch(/\?created=1$/);
    const id = page.split('/').at(-1)!.replace('?created=1', '');
    const overview = await (await analyst.get(page)).text();
    expect(overview).toContain('Crime Survey 2027');
    expect(overview).toContain('govuk-notification-banner--success');
    expect(overview).toContain('Draft created.');
    expect(overview).toContain('10 July 2027 at midnight');
    expect(overview).toContain('2 October 2027 at 11:59pm');
    expect(overview).toContain('Draft');

    _csrf = await analyst.csrfFrom(page);
    const opened = await analyst.postForm(`/staff/consultations/${id}/stage`, { _csrf, action: 'open' });
    expect(opened.status).toBe(303);
    expect(await (await analyst.get(opened.headers.get('location')!)).text()).toContain('Status is now: Open');
    const row = await handle().db.selectFrom('consultations').select(['stage', 'opens_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.stage).toBe('ready');
    expect(row.opens_at < new Date().toISOString()).toBe(true);

    _csrf = await analyst.csrfFrom(page);
    await analyst.postForm(`/staff/consultations/${id}/stage`, { _csrf, action: 'close' });
    const actions = (await listAuditLog(handle().db, [partnershipId])).filter((e) => e.entityId === id).map((e) => e.action);
    expect(actions.sort()).toEqual(['consultation.close', 'consultation.create', 'consultation.open']);
  });

  it('imports an uploaded CSV and reports a bad one by row and column without importing', async () => {
    const list = await (await analyst.get(`/staff/partnerships/${partnershipId}/consultations`)).text();
    const id = /href="\/staff\/consultations\/([0-9a-f-]+)">Existing survey/.exec(list)?.[1];
    expect(id).toBeDefined();
    const importPage = `/staff/consultations/${id}/import`;
    const upload = async (name: string, text: string) => {
      const _csrf = await analyst.csrfFrom(importPage);
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/csv' }), name);
      const cookie = (analyst as unknown as { cookies: Map<string, string> }).cookies;
      return fetch(`${server.url}${importPage}?_csrf=${encodeURIComponent(_csrf)}`, {
        method: 'POST',
        redirect: 'manual',
        body: form,
        headers: { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
    };
    const bad = await upload(
      'bad.csv',
      'ward,safe_day,safe_dark,safe_centre_day,safe_centre_dark\nnowhere,very_safe,very_safe,very_safe,very_safe\n',
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Nothing was imported: 1 problem in 1 row (1 row read)');
    expect(html).toMatch(/<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>\s*<td class="govuk-table__cell">ward<\/td>/);

    const good = await upload(
      'good.csv',
      'ward,safe_day,safe_dark,safe_centre_day,safe_centre_dark,channel\nwyken,very_safe,fairly_safe,very_safe,a_bit_unsafe,paper\n',
    );
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe(`${importPage}?imported=1`);
    expect(await (await analyst.get(good.headers.get('location') as string)).text()).toContain('1 response was imported');

    const csv = await analyst.get(`/staff/consultations/${id}/export.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',wyken,');
    const labelled = await analyst.get(`/staff/consultations/${id}/export.csv?labels=yes`);
    expect(labelled.headers.get('content-disposition')).toContain('-responses-labelled.csv');
    const [labelHeader, labelRow] = (await labelled.text()).trim().split('\n');
    expect(labelHeader).toContain('reference,');
    expect(labelHeader).toContain('How safe do you feel walking alone in this area… during the day?');
    expect(labelHeader).not.toContain('safe_day');
    expect(labelRow).toContain(',Wyken,');
    expect(labelRow).toContain(',Very safe,');
    const xlsx = await analyst.get(`/staff/consultations/${id}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('keeps other roles away from managing consultations and responses', async () => {
    const anonymous = new HttpClient(server.url);
    expect((await anonymous.get(`/staff/partnerships/${partnershipId}/consultations`)).status).toBe(303);
    const list = await (await analyst.get(`/staff/partnerships/${partnershipId}/consultations`)).text();
    const id = /href="\/staff\/consultations\/([0-9a-f-]+)"/.exec(list)?.[1];
    const admin = new HttpClient(server.url);
    await admin.signIn('admin@saferplan.demo', DEMO_PASSWORD);
    let _csrf = await admin.csrfFrom('/staff/users');
    await admin.postForm('/staff/users', {
      _csrf,
      email: 'viewer@example.org',
      name: 'V',
      role: 'viewer',
      partnership: partnershipId,
      password: 'quiet-lantern-orchard',
    });
    const viewer = new HttpClient(server.url);
    await viewer.signIn('viewer@example.org', 'quiet-lantern-orchard');
    expect((await viewer.get(`/staff/consultations/${id}`)).status).toBe(200);
    expect((await viewer.get(`/staff/consultations/${id}/export.csv`)).status).toBe(403);
    expect((await viewer.get(`/staff/consultations/${id}/import`)).status).toBe(403);
    _csrf = await viewer.csrfFrom(`/staff/consultations/${id}`);
    expect((await viewer.postForm(`/staff/consultations/${id}/stage`, { _csrf, action: 'close' })).status).toBe(403);
  });
});

describeEachEngine('keying in a paper response', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  let analyst: HttpClient;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle(), 'crime-survey', 'Paper survey'));
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
  });
  afterAll(() => server.close());

  it('stores a paper response with its channel and who keyed it in, and shows errors against the fields', async () => {
    const page = `/staff/consultations/${consultationId}/responses/new`;
    let _csrf = await analyst.csrfFrom(page);
    const bad = await analyst.postForm(page, { _csrf, safe_day: 'very_safe', safe_dark: 'sometimes' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Select how this response was received');
    expect(html).toContain('href="#safe_dark"');

    _csrf = await analyst.csrfFrom(page);
    const body = new URLSearchParams({
      _csrf,
      _channel: 'paper',
      ward: 'wyken',
      safe_day: 'very_safe',
      safe_dark: 'fairly_safe',
      safe_centre_day: 'very_safe',
      safe_centre_dark: 'dont_know',
      victim: 'yes',
      victim_reported: 'no',
    });
    body.append('concerns', 'drugs');
    body.append('concerns', 'asb');
    const saved = await analyst.request('POST', page, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(saved.status).toBe(303);
    const reference = new URL(saved.headers.get('location')!, server.url).searchParams.get('saved');
    expect(await (await analyst.get(saved.headers.get('location')!)).text()).toContain(`Reference <strong>${reference}</strong>`);
    const row = await handle().db.selectFrom('responses').selectAll().where('reference', '=', reference!).executeTakeFirstOrThrow();
    expect(row.channel).toBe('paper');
    const analystId = await handle().db.selectFrom('users').select('id').where('email', '=', 'analyst@saferplan.demo').executeTakeFirstOrThrow();
    expect(row.entered_by).toBe(analystId.id);
    const answers = JSON.parse(row.answers);
    expect(answers.concerns).toEqual(['asb', 'drugs']);
    expect(answers.victim_reported).toBe('no');
    expect(answers.safe_centre_dark).toBe('dont_know');
  });

  it('keeps questions left blank on paper as not answered, and stores the date received', async () => {
    const page = `/staff/consultations/${consultationId}/responses/new`;
    const post = async (received: [string, string, string]) =>
      analyst.postForm(page, {
        _csrf: await analyst.csrfFrom(page),
        _channel: 'paper',
        '_received-day': received[0],
        '_received-month': received[1],
        '_received-year': received[2],
        ward: 'wyken',
        safe_day: 'Very safe',
      });
    const future = await post(['1', '1', '2099']);
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('Date received must be today or in the past');
    const early = await post(['31', '12', '2023']);
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('Date received must be on or after the day the consultation opened (1 January 2024)');
    const saved = await post(['5', '2', '2024']);
    expect(saved.status).toBe(303);
    await (await analyst.get(saved.headers.get('location')!)).text();
    const reference = new URL(saved.headers.get('location')!, server.url).searchParams.get('saved');
    const row = await handle().db.selectFrom('responses').selectAll().where('reference', '=', reference!).executeTakeFirstOrThrow();
    expect(row.submitted_at).toBe('2024-02-05T00:00:00.000Z');
    // Required online, left blank on this form: not answered, not "Don't know".
    expect(JSON.parse(row.answers)).toMatchObject({ ward: 'wyken', safe_day: 'very_safe', safe_dark: null, safe_centre_day: null });
  });
});

describeEachEngine('inviting elected members', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  let admin: HttpClient;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle(), 'members-survey', "Members' survey"));
    server = await startTestServer(handle(), { publicUrl: PUBLIC_URL });
    admin = new HttpClient(server.url);
    await admin.signIn('admin@saferplan.demo', DEMO_PASSWORD);
  });
  afterAll(() => server.close());

  it('creates personal links shown once, which let a member in without signing in', async () => {
    const page = `/staff/consultations/${consultationId}/invitations`;
    let _csrf = await admin.csrfFrom(page);
    const bad = await admin.postForm(page, { _csrf, people: 'Cllr Ann Lee, ann.lee@example.gov.uk\nCllr Bob, not-an-email' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Line 2: Enter an email address in the correct format');
    expect(await handle().db.selectFrom('invitations').selectAll().execute()).toEqual([]);

    _csrf = await admin.csrfFrom(page);
    const ok = await admin.postForm(page, { _csrf, people: 'Cllr Ann Lee, ann.lee@example.gov.uk\nCllr Bob Patel, bob.patel@example.gov.uk' });
    const html = await ok.text();
    const links = [...html.matchAll(/(https:\/\/safety\.example\.gov\.uk\/p\/[^<\s]+\/invitation\/[^<\s]+)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    const rows = await handle().db.selectFrom('invitations').select(['email', 'token_hash']).orderBy('email').execute();
    expect(rows.map((r) => r.email)).toEqual(['ann.lee@example.gov.uk', 'bob.patel@example.gov.uk']);
    for (const link of links) expect(rows.some((r) => link.endsWith(r.token_hash))).toBe(false);

    const member = new HttpClient(server.url);
    const opened = await member.get(new URL(links[0]!).pathname);
    expect([200, 303]).toContain(opened.status);
    const audit = await handle().db.selectFrom('audit_log').select('action').where('entity_id', '=', consultationId).execute();
    expect(audit.map((a) => a.action)).toContain('invitations.create');
  });

  it('builds the links from PUBLIC_URL, whatever Host header the form arrives with', async () => {
    const page = `/staff/consultations/${consultationId}/invitations`;
    const _csrf = await admin.csrfFrom(page);
    const res = await admin.request('POST', page, {
      body: new URLSearchParams({ _csrf, people: 'Cllr Cara Hope, cara.hope@example.gov.uk' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('evil.example');
    expect(html).toMatch(
      /<td class="govuk-table__cell">https:\/\/safety\.example\.gov\.uk\/p\/[a-z0-9-]+\/[a-z0-9-]+\/invitation\/[A-Za-z0-9_-]{43}<\/td>/,
    );
  });

  it('refuses to create links, changing nothing, when no PUBLIC_URL is set (production without it)', async () => {
    const unset = await startTestServer(handle(), { publicUrl: undefined });
    try {
      const client = new HttpClient(unset.url);
      await client.signIn('admin@saferplan.demo', DEMO_PASSWORD);
      const page = `/staff/consultations/${consultationId}/invitations`;
      const before = await handle().db.selectFrom('invitations').select('id').execute();
      const res = await client.postForm(page, { _csrf: await client.csrfFrom(page), people: 'Cllr Dan Ray, dan.ray@example.gov.uk' });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('ask whoever runs SaferPlan to set PUBLIC_URL');
      expect(await handle().db.selectFrom('invitations').select('id').execute()).toEqual(before);
    } finally {
      await unset.close();
    }
  });
});
