import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';
import { cliActor } from '../platform/recordAudit.js';
import { columnsFor } from '../surveys/columns.js';
import { changeConsultationStage } from './changeConsultationStage.js';
import { createConsultation } from './createConsultation.js';
import { createInvitations } from './invitations/createInvitations.js';
import { NEW_SESSIONS_PER_MINUTE } from './public/routes.form.js';
import { loadSurveyDefinition } from './queries/loadConsultation.js';

const HUB = '/p/coventry-community-safety-partnership';
type Fields = Record<string, string | string[]>;

/** The crime survey answered page by page, every conditional question shown (victim: yes, reported: no). */
const CRIME_PAGES: [string, Fields][] = [
  ['where_you_live', { ward: 'earlsdon', postcode: 'cv5 6ab' }],
  ['feeling_safe', { safe_day: 'very_safe', safe_dark: 'a_bit_unsafe', safe_centre_day: 'fairly_safe', safe_centre_dark: 'very_unsafe' }],
  ['problems', { asb_fly_tipping: 'very_big_problem', asb_drugs: 'fairly_big_problem', concerns: ['fly_tipping', 'asb', 'drugs'] }],
  ['worry', { worry_burglary: 'fairly_worried' }],
  ['experience', { victim: 'yes' }],
  ['experience-2', { victim_reported: 'no' }],
  ['experience-3', { victim_not_reported_why: ['too_trivial', 'did_not_know_how'] }],
  ['confidence', { police_job: 'good', deal_with_issues: 'tend_to_agree' }],
  ['one_thing', { feel_safer: 'Better street lighting on the way home' }],
  ['about_you', { age_band: 'age_35_44' }],
];

function form(fields: Fields, csrf: string): string {
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return body.toString();
}

async function post(client: HttpClient, url: string, fields: Fields): Promise<Response> {
  const csrf = await client.csrfFrom(url);
  return client.request('POST', url, { body: form(fields, csrf), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

/** Answers each page in turn, checking each answer leads to the next page, then sends from "check your answers". */
async function answerAll(client: HttpClient, base: string, pages: [string, Fields][], honeypot = ''): Promise<Response> {
  for (const [i, [code, fields]] of pages.entries()) {
    const res = await post(client, `${base}/questions/${code}`, fields);
    expect(res.status, `${code}: ${res.status === 422 ? await res.text() : ''}`).toBe(303);
    const next = pages[i + 1];
    if (next) expect(res.headers.get('location')).toBe(`${base}/questions/${next[0]}`);
  }
  return post(client, `${base}/check`, { website: honeypot });
}

describeEachEngine('public consultation pages and form', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  let partnershipId: string;
  let base: string;
  beforeAll(async () => {
    ({ consultationId, partnershipId } = await openConsultation(handle(), 'crime-survey', 'Crime Survey'));
    const slug = (await handle().db.selectFrom('consultations').select('slug').where('id', '=', consultationId).executeTakeFirstOrThrow()).slug;
    base = `${HUB}/${slug}`;
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
  });
  afterAll(() => server.close());

  const responses = () => handle().db.selectFrom('responses').selectAll().where('consultation_id', '=', consultationId).execute();
  const create = async (title: string, opens: string, closes: string) =>
    createConsultation({ db: handle().db, actor: cliActor(), partnershipId, consultation: { template: 'crime-survey', title, opens, closes } });

  it('answers the whole crime survey, shows the reference and stores exactly the answers given', async () => {
    const client = new HttpClient(server.url);
    const page = await (await client.get(base)).text();
    expect(page).toContain('Start now');
    expect(page).toContain('Crime and Disorder Act 1998');
    expect(page).toContain(`href="${base}/questions/where_you_live"`);
    const before = (await responses()).length;

    const sent = await answerAll(client, base, CRIME_PAGES);
    expect((await client.get(`${base}/questions/about_you`)).status).toBe(200);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${base}/confirmation`);
    const confirmation = await (await client.get(`${base}/confirmation`)).text();
    expect(confirmation).toContain('Response submitted');
    const reference = /<strong>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})<\/strong>/.exec(confirmation)?.[1];
    expect(reference).toBeDefined();

    const rows = await responses();
    expect(rows.length).toBe(before + 1);
    const row = rows.find((r) => r.reference === reference);
    expect(row?.channel).toBe('online');
    const definition = await loadSurveyDefinition(handle().db, { partnershipId, id: consultationId }, 1);
    const given: Record<string, unknown> = Object.assign({}, ...CRIME_PAGES.map(([, f]) => f));
    const expected = Object.fromEntries(columnsFor(definition).map((c) => [c.code, given[c.code] ?? null]));
    expect(JSON.parse(row?.answers ?? '{}')).toEqual({ ...expected, postcode: 'CV5 6' });
    expect(row?.answers).not.toContain('6AB');

    // The answers are gone from the session: starting again shows empty pages.
    const again = await (await client.get(`${base}/questions/where_you_live`)).text();
    expect(again).not.toContain('cv5 6ab');
  });

  it('shows the check-your-answers page with every answer and change links', async () => {
    const client = new HttpClient(server.url);
    for (const [code, fields] of CRIME_PAGES) await post(client, `${base}/questions/${code}`, fields);
    const html = await (await client.get(`${base}/check`)).text();
    expect(html).toContain('Check your answers before sending them');
    expect(html).toContain('Earlsdon');
    expect(html).toContain('CV5 6 (we keep only this part)');
    expect(html).toContain(`href="${base}/questions/feeling_safe?change=1#safe_dark"`);
    expect(html).toContain('<li>Fly-tipping</li>');
  });

  it('returns a change made from check your answers straight to it, unless the change reveals new questions', async () => {
    const client = new HttpClient(server.url);
    const pages = CRIME_PAGES.map(([code, fields]) => [code, code === 'experience' ? { victim: 'no' } : fields] as [string, Fields]).filter(
      ([code]) => !code.startsWith('experience-'),
    );
    for (const [code, fields] of pages) await post(client, `${base}/questions/${code}`, fields);
    const change = await client.get(`${base}/questions/feeling_safe?change=1`);
    const changeHtml = await change.text();
    expect(changeHtml).toContain(`action="${base}/questions/feeling_safe?change=1"`);
    expect(changeHtml).toContain(`href="${base}/check"`);
    const safe = await post(client, `${base}/questions/feeling_safe?change=1`, {
      safe_day: 'very_safe',
      safe_dark: 'very_unsafe',
      safe_centre_day: 'fairly_safe',
      safe_centre_dark: 'very_unsafe',
    });
    expect(safe.headers.get('location')).toBe(`${base}/check`);
    const victim = await post(client, `${base}/questions/experience?change=1`, { victim: 'yes' });
    expect(victim.headers.get('location')).toBe(`${base}/questions/experience-2?change=1`);
    const reported = await post(client, `${base}/questions/experience-2?change=1`, { victim_reported: 'yes' });
    expect(reported.headers.get('location')).toBe(`${base}/check`);
    expect(await (await client.get(`${base}/check`)).text()).toContain('Very unsafe');
  });

  it('skips a conditional page when the answer that shows it was not given', async () => {
    const client = new HttpClient(server.url);
    const res = await post(client, `${base}/questions/experience`, { victim: 'no' });
    expect(res.headers.get('location')).toBe(`${base}/questions/confidence`);
    const hidden = await client.get(`${base}/questions/experience-2`);
    expect(hidden.status).toBe(303);
    expect(hidden.headers.get('location')).toBe(`${base}/questions/confidence`);
  });

  it('re-shows a page with the error summary linking to each wrong field, saving nothing', async () => {
    const client = new HttpClient(server.url);
    const res = await post(client, `${base}/questions/feeling_safe`, { safe_day: 'very_safe', safe_centre_day: 'terrified' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<title>Error: Feeling safe');
    expect(html).toContain('govuk-error-summary');
    for (const field of ['safe_dark', 'safe_centre_day', 'safe_centre_dark']) {
      expect(html).toContain(`href="#${field}"`);
      expect(html).toContain(`id="${field}"`);
    }
    expect(html).toContain('Select how safe you feel walking alone in this area after dark');
    expect(html).not.toContain('href="#safe_day"');
    expect(html).toMatch(/id="safe_day-?\d*" name="safe_day" type="radio" value="very_safe" checked/);

    const postcode = await post(client, `${base}/questions/where_you_live`, { ward: '', postcode: 'not a postcode' });
    const postcodeHtml = await postcode.text();
    expect(postcodeHtml).toContain('<a href="#postcode">Enter a real postcode, like CV1 2GN</a>');
    expect(postcodeHtml).toContain('value="not a postcode"');
  });

  it('serves the same first-visit page from its pre-rendered copy with a fresh token and nonce each time', async () => {
    const [a, b] = [new HttpClient(server.url), new HttpClient(server.url)];
    const [ra, rb] = [await a.get(`${base}/questions/problems`), await b.get(`${base}/questions/problems`)];
    const [ha, hb] = [await ra.text(), await rb.text()];
    const token = (h: string) => /name="_csrf" value="([^"]+)"/.exec(h)?.[1];
    const nonce = (h: string) => /<script nonce="([^"]+)"/.exec(h)?.[1];
    expect(token(ha)).not.toBe(token(hb));
    expect(nonce(ha)).toBe(/'nonce-([^']+)'/.exec(ra.headers.get('content-security-policy') ?? '')?.[1]);
    expect(ha).not.toContain('__saferplan_');
    expect(ha.replace(token(ha) ?? '', 'T').replace(nonce(ha) ?? '', 'N')).toBe(hb.replace(token(hb) ?? '', 'T').replace(nonce(hb) ?? '', 'N'));
    expect(ra.headers.get('set-cookie') ?? '').not.toContain('saferplan.sid');
    // The token works: the page posts.
    const res = await a.request('POST', `${base}/questions/problems`, {
      body: form({}, token(ha) ?? ''),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
  });

  it('a filled honeypot gets a confirmation but nothing is stored, not even a session', async () => {
    const before = (await responses()).length;
    const client = new HttpClient(server.url);
    const res = await answerAll(client, base, CRIME_PAGES.slice(0, 2), 'http://spam.example');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/Response submitted[\s\S]*<strong>[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}<\/strong>/);
    expect((await responses()).length).toBe(before);

    const sessions = async () => (await handle().db.selectFrom('sessions').select('id').execute()).length;
    const rows = await sessions();
    const bot = new HttpClient(server.url);
    const _csrf = await bot.csrfFrom(`${base}/questions/where_you_live`);
    for (let i = 0; i < 5; i++) expect((await bot.postForm(`${base}/check`, { _csrf, website: 'bot' })).status).toBe(200);
    expect(await sessions()).toBe(rows);
  });

  it('limits final submissions per address when SUBMISSION_RATE_LIMIT is set', async () => {
    const limited = await startTestServer(handle(), { submissionRateLimit: 2 });
    try {
      const client = new HttpClient(limited.url);
      const statuses: number[] = [];
      const csrf = await client.csrfFrom(`${base}/questions/where_you_live`);
      const send = () =>
        client.request('POST', `${base}/check`, {
          body: form({ website: 'bot' }, csrf),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      for (let i = 0; i < 3; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('keeps at most 20 new sessions a minute from one address posting pages without a cookie, while a respondent with one goes on', async () => {
    const limited = await startTestServer(handle(), { submissionRateLimit: 0 });
    try {
      const respondent = new HttpClient(limited.url);
      const [first, ...rest] = CRIME_PAGES;
      if (!first) throw new Error('no pages');
      expect((await post(respondent, `${base}/questions/${first[0]}`, first[1])).status).toBe(303);

      const sessionRows = async () => (await handle().db.selectFrom('sessions').select('id').execute()).length;
      const before = await sessionRows();
      // One CSRF cookie and token, reused, and never a session cookie: as in the review's repro.
      const bot = new HttpClient(limited.url);
      const _csrf = await bot.csrfFrom(`${base}/questions/where_you_live`);
      const csrfCookie = `saferplan.csrf=${bot.cookie('saferplan.csrf')}`;
      const statuses: number[] = [];
      for (let batch = 0; batch < 10; batch++) {
        const sent = await Promise.all(
          Array.from({ length: 50 }, () =>
            fetch(`${limited.url}${base}/questions/where_you_live`, {
              method: 'POST',
              redirect: 'manual',
              body: new URLSearchParams({ _csrf, ward: 'earlsdon', postcode: '' }).toString(),
              headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
            }),
          ),
        );
        statuses.push(...sent.map((r) => r.status));
      }
      // The respondent's own new session was the first of this minute's 20.
      const allowed = NEW_SESSIONS_PER_MINUTE - 1;
      expect(statuses.filter((s) => s === 303)).toHaveLength(allowed);
      expect(statuses.filter((s) => s === 429)).toHaveLength(500 - allowed);
      expect((await sessionRows()) - before).toBe(allowed);

      const sent = await answerAll(respondent, base, rest);
      expect(sent.headers.get('location')).toBe(`${base}/confirmation`);
      expect(await (await respondent.get(`${base}/confirmation`)).text()).toContain('Response submitted');
    } finally {
      await limited.close();
    }
  });

  it('keeps a session without a signed-in user 2 hours from its last request, a signed-in one 8 hours', async () => {
    const hoursLeft = async (client: HttpClient) => {
      const id = decodeURIComponent(client.cookie('saferplan.sid') ?? '').split('.')[0] ?? '';
      const row = await handle().db.selectFrom('sessions').select('expires_at').where('id', '=', id).executeTakeFirstOrThrow();
      return Math.round((Date.parse(row.expires_at) - Date.now()) / 360_000) / 10;
    };
    const respondent = new HttpClient(server.url);
    await post(respondent, `${base}/questions/where_you_live`, { ward: 'earlsdon', postcode: '' });
    expect(await hoursLeft(respondent)).toBe(2);
    const staff = new HttpClient(server.url);
    await staff.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
    expect(await hoursLeft(staff)).toBe(8);
  });

  it('explains, without an error trace, a forthcoming and a closed consultation; drafts and unknown slugs are 404', async () => {
    const soon = await create('Forthcoming survey', '2099-01-01', '2099-03-01');
    await changeConsultationStage({ db: handle().db, actor: cliActor(), partnershipId, consultationId: soon.id, action: 'schedule' });
    const closed = await create('Closed survey', '2024-01-01', '2099-03-01');
    await changeConsultationStage({ db: handle().db, actor: cliActor(), partnershipId, consultationId: closed.id, action: 'open' });
    await changeConsultationStage({ db: handle().db, actor: cliActor(), partnershipId, consultationId: closed.id, action: 'close' });
    const draft = await create('Draft survey', '2024-01-01', '2099-03-01');
    const client = new HttpClient(server.url);

    const soonPage = await client.get(`${HUB}/${soon.slug}`);
    expect(soonPage.status).toBe(200);
    const soonHtml = await soonPage.text();
    expect(soonHtml).toContain('This consultation is not open yet. It opens on 1 January 2099');
    expect(soonHtml).not.toContain('Start now');
    const closedHtml = await (await client.get(`${HUB}/${closed.slug}`)).text();
    expect(closedHtml).toMatch(/This consultation closed on \d+ \w+ \d{4}/);
    expect(closedHtml).toContain('Results will be published here');
    expect((await client.get(`${HUB}/${closed.slug}/questions/where_you_live`)).headers.get('location')).toBe(`${HUB}/${closed.slug}`);

    expect((await client.get(`${HUB}/${draft.slug}`)).status).toBe(404);
    expect((await client.get(`${HUB}/${draft.slug}/questions/where_you_live`)).status).toBe(404);
    expect((await client.get(`${HUB}/no-such-consultation`)).status).toBe(404);
    expect((await client.get(`${base}/questions/no_such_page`)).status).toBe(404);

    const hub = await (await client.get(HUB)).text();
    expect(hub).toContain('Open consultations');
    expect(hub).toContain(`href="${base}"`);
    expect(hub).toContain('Forthcoming consultations');
    expect(hub).toContain(`href="${HUB}/${closed.slug}"`);
    expect(hub).not.toContain('Draft survey');
  });

  it('keeps the answers and says so when the consultation closes before they are sent', async () => {
    const c = await create('Closing survey', '2024-01-01', '2099-03-01');
    await changeConsultationStage({ db: handle().db, actor: cliActor(), partnershipId, consultationId: c.id, action: 'open' });
    const client = new HttpClient(server.url);
    const cbase = `${HUB}/${c.slug}`;
    await post(client, `${cbase}/questions/where_you_live`, { ward: 'earlsdon', postcode: '' });
    const csrf = await client.csrfFrom(`${cbase}/check`);
    await changeConsultationStage({ db: handle().db, actor: cliActor(), partnershipId, consultationId: c.id, action: 'close' });
    server.app.log.info('closed');
    await new Promise((r) => setTimeout(r, 1100)); // the runtime cache holds a consultation for a second
    const res = await client.request('POST', `${cbase}/check`, {
      body: form({ website: '' }, csrf),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('This consultation has closed');
    expect(html).toContain('Your answers have not been sent.');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses the members’ survey to the public and accepts it once through a personal invitation', async () => {
    const members = await openConsultation(handle(), 'members-survey', 'Members survey');
    const mbase = `${HUB}/${members.slug}`;
    const anonymous = new HttpClient(server.url);
    const refused = await anonymous.get(`${mbase}/questions/your_ward`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This survey is for elected members');
    expect(await (await anonymous.get(mbase)).text()).toContain('Sign in</a> to answer it');

    const {
      created: [invitation],
    } = await createInvitations({
      db: handle().db,
      actor: cliActor(),
      partnershipId,
      consultationId: members.consultationId,
      invitees: [{ email: 'Cllr@example.org', name: 'Cllr Example' }],
    });
    if (!invitation) throw new Error('no invitation');
    expect(invitation.link).toMatch(new RegExp(`^${mbase}/invitation/[A-Za-z0-9_-]{43}$`));
    const stored = await handle().db.selectFrom('invitations').selectAll().where('id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(stored.email).toBe('cllr@example.org');
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(invitation.link.split('/').at(-1));
    const audit = await handle().db.selectFrom('audit_log').select('action').where('entity_id', '=', members.consultationId).execute();
    expect(audit.map((a) => a.action)).toContain('invitations.create');

    const invited = new HttpClient(server.url);
    const start = await invited.get(invitation.link);
    expect(start.status).toBe(303);
    // The link opens the consultation's own page first, which offers Start now to the invited member.
    expect(start.headers.get('location')).toBe(mbase);
    expect(await (await invited.get(mbase)).text()).toContain(`href="${mbase}/questions/your_ward"`);
    const sent = await answerAll(invited, mbase, [
      ['your_ward', { ward: 'earlsdon', ward_priorities__1: 'drugs', ward_priorities__2: 'asb', ward_priorities__3: 'burglary' }],
      ['themes', { theme_offending: 'very_important', theme_public_place: 'fairly_important', theme_exploitation: 'very_important' }],
      ['partners', {}],
    ]);
    expect(sent.headers.get('location')).toBe(`${mbase}/confirmation`);
    const reference = /<strong>([^<]+)<\/strong>/.exec(await (await invited.get(`${mbase}/confirmation`)).text())?.[1];
    const used = await handle().db.selectFrom('invitations').select('response_reference').where('id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(used.response_reference).toBe(reference);
    const row = await handle()
      .db.selectFrom('responses')
      .select('answers')
      .where('reference', '=', reference ?? '')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers).ward_priorities).toEqual(['drugs', 'asb', 'burglary']);

    const again = await new HttpClient(server.url).get(invitation.link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('This invitation has already been used');
    expect((await new HttpClient(server.url).get(`${mbase}/invitation/not-a-real-token`)).status).toBe(404);
  });
});
