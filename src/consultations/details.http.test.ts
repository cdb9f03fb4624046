// Changing a consultation after creating it: the details form, confirming stage changes, reopening, the staff
// preview, and `saferplan consultation update`; each route for every role and for another partnership's staff.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';
import { listAuditLog } from '../accounts/queries/listAuditLog.js';
import type { Role } from '../accounts/roles.js';
import type { ConsultationStatus } from './status.js';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const textOf = (html: string) => (parseHTML(html).document.body.textContent ?? '').replace(/\s+/g, ' ');

/** The details form as the page fills it, with some fields changed. */
const detailsForm = (over: Record<string, string | string[]> = {}) => ({
  title: 'Crime Survey 2027',
  summary: 'Tell us how safe you feel.',
  purpose: 'To set the partnership’s priorities.',
  privacyNotice: 'We keep answers for two years.',
  audiences: 'public',
  resultsVisibility: 'after_close',
  'opens-day': '10',
  'opens-month': '07',
  'opens-year': '2027',
  'closes-day': '02',
  'closes-month': '10',
  'closes-year': '2027',
  ...over,
});

describeEachEngine('changing a consultation after creating it', ({ handle, target }) => {
  let server: TestServer;
  let partnership: BuiltPartnership;
  let clients: Record<Role | 'out' | 'elsewhere', HttpClient>;
  const db = () => handle().db;

  beforeAll(async () => {
    server = await startTestServer(handle());
    partnership = await buildPartnership({
      db: db(),
      themes: [
        { id: 'asb', title: 'Anti-social behaviour' },
        { id: 'roads', title: 'Safer roads' },
      ],
    });
    const partnershipId = partnership.id;
    const user = async (role: Role, pid = partnershipId) => (await buildUser({ db: db(), role, partnershipId: pid, server })).client;
    const elsewhere = await buildPartnership({ db: db() });
    clients = {
      admin: await user('admin'),
      analyst: await user('analyst'),
      partner: await user('partner'),
      member: await user('member'),
      viewer: await user('viewer'),
      out: new HttpClient(server.url),
      elsewhere: await user('admin', elsewhere.id),
    };
  });
  afterAll(() => server.close());

  const build = (stage: ConsultationStatus, title: string, dates: { opens?: string; closes?: string } = {}) =>
    buildConsultation({ db: db(), partnershipId: partnership.id, stage, title, ...dates });
  const row = (id: string) => db().selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = async (id: string) => (await listAuditLog(db(), [partnership.id], 10_000)).filter((e) => e.entityId === id);
  const post = async (client: HttpClient, path: string, form: Record<string, string | string[]>) => {
    const _csrf = await client.csrfFrom(client === clients.out ? '/sign-in' : '/staff');
    // Checkboxes repeat their name, one value each, and send nothing when none is ticked (as a browser does).
    const body = new URLSearchParams({ _csrf });
    for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
    return client.request('POST', path, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  };

  /** What each role, a signed-out visitor and an admin of another partnership get from a GET. */
  async function statusesOf(path: string) {
    const out: Record<string, number> = {};
    for (const [who, client] of Object.entries(clients)) {
      const res = await client.get(path);
      await res.text();
      out[who] = res.status;
    }
    return out;
  }

  it('shows the details form to admins and analysts only; others get 403, signed-out visitors the sign-in page', async () => {
    const c = await build('draft', 'Details for roles');
    expect(await statusesOf(`/staff/consultations/${c.id}/details`)).toEqual({
      admin: 200,
      analyst: 200,
      partner: 403,
      member: 403,
      viewer: 403,
      out: 303,
      elsewhere: 403,
    });
    const html = await (await clients.analyst.get(`/staff/consultations/${c.id}/details`)).text();
    expect(html).toContain('value="Details for roles"');
    expect(html).toContain('name="opens-day" type="text" value="01" inputmode="numeric"');
    expect(html).toContain('Anti-social behaviour');
  });

  it('saves every detail with one audit entry holding each change before and after, and says so', async () => {
    const c = await build('draft', 'Everything changes', { opens: '2027-07-01', closes: '2027-09-30' });
    const res = await post(
      clients.analyst,
      `/staff/consultations/${c.id}/details`,
      detailsForm({ audiences: ['public', 'members'], topics: ['roads'], resultsVisibility: 'after_publish' }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/consultations/${c.id}?saved=1`);
    const page = textOf(await (await clients.analyst.get(res.headers.get('location')!)).text());
    expect(page).toContain('Success Details saved');
    expect(page).toContain('Topics Safer roads Change topics');
    expect(page).toContain('Opens 10 July 2027 at midnight Change opens');
    expect(page).toContain('Closes (planned) 2 October 2027 at 11:59pm Change closes (planned)');

    const after = await row(c.id);
    expect(after).toMatchObject({
      slug: 'everything-changes',
      title: 'Crime Survey 2027',
      summary: 'Tell us how safe you feel.',
      purpose: 'To set the partnership’s priorities.',
      privacy_notice: 'We keep answers for two years.',
      audiences: '["public","members"]',
      topics: '["roads"]',
      results_visibility: 'after_publish',
      opens_at: '2027-07-09T23:00:00.000Z',
      closes_at: '2027-10-02T22:59:59.000Z',
    });
    const [entry] = (await auditOf(c.id)).filter((e) => e.action === 'consultation.update');
    expect(entry?.detail).toEqual({
      before: {
        title: 'Everything changes',
        summary: c.summary,
        purpose: c.purpose,
        privacy_notice: c.privacyNotice,
        audiences: '["public"]',
        results_visibility: 'after_close',
        topics: '[]',
        opens_at: '2027-06-30T23:00:00.000Z',
        closes_at: '2027-09-30T22:59:59.000Z',
      },
      after: {
        title: 'Crime Survey 2027',
        summary: 'Tell us how safe you feel.',
        purpose: 'To set the partnership’s priorities.',
        privacy_notice: 'We keep answers for two years.',
        audiences: '["public","members"]',
        results_visibility: 'after_publish',
        topics: '["roads"]',
        opens_at: '2027-07-09T23:00:00.000Z',
        closes_at: '2027-10-02T22:59:59.000Z',
      },
    });
  });

  it('keeps a date left as it was exactly, time of day included (an opening "now" stays as it was)', async () => {
    const c = await build('open', 'Opened at a time');
    const before = await row(c.id);
    const [y, m, d] = new Date(before.opens_at).toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).split('-');
    const [cy, cm, cd] = new Date(before.closes_at).toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).split('-');
    const res = await post(
      clients.admin,
      `/staff/consultations/${c.id}/details`,
      detailsForm({
        title: 'Opened at a time',
        summary: c.summary,
        purpose: c.purpose,
        privacyNotice: c.privacyNotice,
        'opens-day': d ?? '',
        'opens-month': m ?? '',
        'opens-year': y ?? '',
        'closes-day': cd ?? '',
        'closes-month': cm ?? '',
        'closes-year': cy ?? '',
      }),
    );
    expect(res.status).toBe(303);
    expect(await row(c.id)).toEqual(before);
    expect((await auditOf(c.id)).map((e) => e.action)).not.toContain('consultation.update');
  });

  it('refuses bad details with a message naming each problem, changing nothing', async () => {
    const c = await build('draft', 'Refuse bad details', { opens: '2027-07-01', closes: '2027-09-30' });
    const before = await row(c.id);
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ 'closes-day': '01', 'closes-month': '06' }, 'The closing date must be after the opening date', '#closes-day'],
      [{ title: 'ab' }, 'Enter a title of at least 3 characters', '#title'],
      [{ audiences: [] }, 'Select who can take part', '#audiences'],
      [{ privacyNotice: ' ' }, 'Enter the privacy notice: how answers are used', '#privacyNotice'],
      [{ topics: ['nightlife'] }, "Topics must be the partnership's plan themes, not: nightlife", '#topics'],
      [{ 'opens-day': '31', 'opens-month': '02' }, 'The opening date must be a real date', '#opens-day'],
      [{ resultsVisibility: 'never' }, 'Select who may see the results, and when', '#resultsVisibility'],
    ];
    for (const [over, message, href] of cases) {
      const res = await post(clients.analyst, `/staff/consultations/${c.id}/details`, detailsForm(over));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(textOf(html)).toContain(message);
      expect(html).toContain(`href="${href}"`);
    }
    expect(await row(c.id)).toEqual(before);
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['consultation.create']);
  });

  it('refuses to save details for staff who may not manage consultations and for another partnership, changing nothing', async () => {
    const c = await build('draft', 'Not theirs');
    const before = await row(c.id);
    for (const who of ['partner', 'member', 'viewer', 'elsewhere'] as const) {
      const res = await post(clients[who], `/staff/consultations/${c.id}/details`, detailsForm());
      expect(res.status, who).toBe(403);
      await res.text();
    }
    const out = await post(clients.out, `/staff/consultations/${c.id}/details`, detailsForm());
    expect(out.status).toBe(401);
    await out.text();
    expect(await row(c.id)).toEqual(before);
  });

  it('asks for confirmation of Open now, Close now and Publish on a page saying what will happen', async () => {
    const draft = await build('draft', 'Confirm to open');
    const overview = await (await clients.analyst.get(`/staff/consultations/${draft.id}`)).text();
    expect(overview).toContain(`href="/staff/consultations/${draft.id}/stage/open"`);
    expect(overview).not.toContain('name="action"');

    const page = await (await clients.analyst.get(`/staff/consultations/${draft.id}/stage/open`)).text();
    expect(textOf(page)).toContain('Open this consultation now');
    expect(textOf(page)).toContain('It will open now and take responses until');
    expect(page).toContain('govuk-warning-text');
    expect(page).toContain(`action="/staff/consultations/${draft.id}/stage"`);
    expect(page).toContain('name="action" value="open"');
    expect((await row(draft.id)).stage).toBe('draft');

    const open = await build('open', 'Confirm to close');
    expect(await statusesOf(`/staff/consultations/${open.id}/stage/close`)).toEqual({
      admin: 200,
      analyst: 200,
      partner: 403,
      member: 403,
      viewer: 403,
      out: 303,
      elsewhere: 403,
    });
    const close = textOf(await (await clients.admin.get(`/staff/consultations/${open.id}/stage/close`)).text());
    expect(close).toContain('Only an administrator can reopen it, and must give a reason.');
    // Publishing an open consultation is not offered, so there is nothing to confirm.
    const publish = await clients.admin.get(`/staff/consultations/${open.id}/stage/publish`);
    expect(publish.status).toBe(403);
    expect(textOf(await publish.text())).toContain('"Confirm to close" cannot be changed that way now (it is open)');
    const closed = await build('closed', 'Confirm to publish');
    expect(textOf(await (await clients.admin.get(`/staff/consultations/${closed.id}/stage/publish`)).text())).toContain('This cannot be undone');
    expect((await clients.admin.get(`/staff/consultations/${open.id}/stage/explode`)).status).toBe(422);
  });

  it('lets an admin only reopen a closed consultation, with a reason that is audited', async () => {
    const c = await build('closed', 'Closed too soon', { closes: inDays(20) });
    const before = await row(c.id);
    expect(before.closed_at).not.toBeNull();
    expect(await statusesOf(`/staff/consultations/${c.id}/reopen`)).toEqual({
      admin: 200,
      analyst: 403,
      partner: 403,
      member: 403,
      viewer: 403,
      out: 303,
      elsewhere: 403,
    });
    const overview = (who: HttpClient) => who.get(`/staff/consultations/${c.id}`).then((r) => r.text());
    expect(await overview(clients.admin)).toContain(`href="/staff/consultations/${c.id}/reopen"`);
    expect(await overview(clients.analyst)).not.toContain('/reopen"');
    expect(textOf(await overview(clients.admin))).toContain('Closed early');

    for (const who of ['analyst', 'viewer', 'elsewhere'] as const) {
      const res = await post(clients[who], `/staff/consultations/${c.id}/reopen`, { reason: 'Because' });
      expect(res.status, who).toBe(403);
      await res.text();
    }
    const noReason = await post(clients.admin, `/staff/consultations/${c.id}/reopen`, { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(textOf(await noReason.text())).toContain('Enter why the consultation is being reopened');
    expect(await row(c.id)).toEqual(before);

    const res = await post(clients.admin, `/staff/consultations/${c.id}/reopen`, { reason: 'The libraries asked for more time' });
    expect(res.status).toBe(303);
    const after = await row(c.id);
    expect(after).toMatchObject({ stage: 'ready', closed_at: null, closes_at: before.closes_at });
    expect(res.headers.get('location')).toBe(`/staff/consultations/${c.id}?changed=1`);
    expect(textOf(await (await clients.admin.get(`/staff/consultations/${c.id}?changed=1`)).text())).toContain('Status is now: Open');
    const [entry] = (await auditOf(c.id)).filter((e) => e.action === 'consultation.reopen');
    expect(entry?.detail).toEqual({
      reason: 'The libraries asked for more time',
      before: { stage: 'ready', closes_at: before.closes_at, closed_at: before.closed_at },
      after: { stage: 'ready', closes_at: before.closes_at, closed_at: null },
    });
    const again = await post(clients.admin, `/staff/consultations/${c.id}/reopen`, { reason: 'Again' });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain('"Closed too soon" is not closed (it is open), so it cannot be reopened');
  });

  it('asks for a new closing date when reopening a consultation whose closing date has passed', async () => {
    // Scheduled with dates in the past: closed by its planned date, not by staff.
    const c = await build('scheduled', 'Past its date', { opens: '2024-01-01', closes: '2024-03-01' });
    expect(c.status).toBe('closed');
    const page = textOf(await (await clients.admin.get(`/staff/consultations/${c.id}/reopen`)).text());
    expect(page).toContain('Its planned closing date has passed, so give a new one.');
    const noDate = await post(clients.admin, `/staff/consultations/${c.id}/reopen`, { reason: 'More time' });
    expect(noDate.status).toBe(422);
    expect(textOf(await noDate.text())).toContain('Its closing date has passed: enter a new closing date');
    const [y, m, d] = inDays(10).split('-') as [string, string, string];
    const res = await post(clients.admin, `/staff/consultations/${c.id}/reopen`, {
      reason: 'More time',
      'closes-day': d,
      'closes-month': m,
      'closes-year': y,
    });
    expect(res.status).toBe(303);
    expect((await row(c.id)).closes_at.slice(0, 10) >= inDays(9)).toBe(true);
  });

  it('previews a draft to staff as the public will see it, marked as a preview, with nothing to send', async () => {
    const c = await build('draft', 'Preview me');
    const base = `/staff/consultations/${c.id}/preview`;
    expect(await statusesOf(base)).toEqual({ admin: 200, analyst: 200, partner: 200, member: 200, viewer: 200, out: 303, elsewhere: 403 });
    expect(await statusesOf(`${base}/questions/where_you_live`)).toEqual({
      admin: 200,
      analyst: 200,
      partner: 200,
      member: 200,
      viewer: 200,
      out: 303,
      elsewhere: 403,
    });
    const info = await (await clients.viewer.get(base)).text();
    expect(textOf(info)).toContain('Preview: this is how the public will see this page.');
    expect(textOf(info)).toContain('This draft is not public yet.');
    expect(info).toContain(`href="${base}/questions/where_you_live"`);
    expect(textOf(info)).toContain('Start now');

    const question = await (await clients.analyst.get(`${base}/questions/where_you_live`)).text();
    expect(textOf(question)).toContain('Page 1 of');
    expect(question).not.toContain('method="post" action="/p/');
    expect(question).not.toMatch(/<form[^>]*method="post"[^>]*action="[^"]*preview/);
    expect(question).toContain('name="ward"');
    expect((await clients.analyst.get(`${base}/questions/nowhere`)).status).toBe(404);
    // Its public address stays hidden while it is a draft.
    const publicPage = await clients.out.get(`/p/${partnership.slug}/preview-me`);
    expect(publicPage.status).toBe(404);
    await publicPage.text();
  });

  it('changes title, summary and dates with saferplan consultation update, audited, and names what is wrong', async () => {
    const c = await build('draft', 'From the command line', { opens: '2027-07-01', closes: '2027-09-30' });
    const cli = (...args: string[]) => runCli(['--db', target(), 'consultation', 'update', ...args]);
    const updated = await cli(c.id, '--title', 'Renamed by CLI', '--summary', 'Short', '--opens', '2027-07-10', '--closes', '2027-10-02');
    expect(updated.code).toBe(0);
    expect(updated.stderr).toContain('Changed: title, summary, opens_at, closes_at');
    expect(JSON.parse(updated.stdout)).toMatchObject({
      id: c.id,
      title: 'Renamed by CLI',
      summary: 'Short',
      opensAt: '2027-07-09T23:00:00.000Z',
      closesAt: '2027-10-02T22:59:59.000Z',
      closedAt: null,
    });
    const [entry] = (await auditOf(c.id)).filter((e) => e.action === 'consultation.update');
    expect(entry?.actor.startsWith('cli:')).toBe(true);
    expect(entry?.detail).toMatchObject({ before: { title: 'From the command line' }, after: { title: 'Renamed by CLI' } });

    const before = await row(c.id);
    const backwards = await cli(c.id, '--closes', '2027-07-01');
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('closes: The closing date must be after the opening date');
    const badDate = await cli(c.id, '--opens', '10/07/2027');
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('opens: The opening date must be a real date like 2024-07-10');
    const nothing = await cli(c.id);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('Nothing to change: give --title, --summary, --opens or --closes');
    const unknown = await cli('no-such-id', '--title', 'X Y Z');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No consultation has the id "no-such-id"');
    expect(await row(c.id)).toEqual(before);
  }, 120_000);
});
