import { afterAll, beforeAll, expect, it } from 'vitest';
import { crimeAnswers, openConsultation } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildResponses, buildUser } from '../../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../../test-support/httpClient.js';
import { DEMO_PASSWORD } from '../../partnerships/demo/coventry.js';

describeEachEngine('responses pages', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  let partnershipId: string;
  let admin: HttpClient;
  let analyst: HttpClient;
  let viewer: HttpClient;
  let signedOut: HttpClient;
  let otherAdmin: HttpClient;
  /** The online response to Earlsdon (a bit unsafe after dark) and the paper one from Wyken. */
  let online: string;
  let paper: string;
  const base = () => `/staff/consultations/${consultationId}/responses`;
  const db = () => handle().db;
  const stored = (reference: string) =>
    db()
      .selectFrom('responses')
      .select(['answers', 'version', 'withdrawn_at', 'withdrawal_reason'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
  const auditActions = async () =>
    (await db().selectFrom('audit_log').select('action').where('partnership_id', '=', partnershipId).where('action', 'like', 'response.%').execute())
      .map((r) => r.action)
      .filter((a) => a !== 'response.enter')
      .sort();
  const body = async (res: Response) => ({ status: res.status, html: await res.text(), location: res.headers.get('location') });

  beforeAll(async () => {
    ({ consultationId, partnershipId } = await openConsultation(handle(), 'crime-survey', 'Responses survey'));
    const consultation = { id: consultationId, partnershipId, surveyVersion: 1 };
    await buildResponses({ handle: handle(), consultation, answers: [crimeAnswers('earlsdon', 'a_bit_unsafe')] });
    await buildResponses({ handle: handle(), consultation, answers: [crimeAnswers('wyken', 'fairly_safe')], channel: 'paper' });
    const references = await db().selectFrom('responses').select(['reference', 'channel']).where('consultation_id', '=', consultationId).execute();
    online = references.find((r) => r.channel === 'online')!.reference;
    paper = references.find((r) => r.channel === 'paper')!.reference;
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    admin = new HttpClient(server.url);
    await admin.signIn('admin@saferplan.demo', DEMO_PASSWORD);
    analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
    viewer = (await buildUser({ db: db(), role: 'viewer', partnershipId, server })).client;
    otherAdmin = (await buildUser({ db: db(), role: 'admin', server })).client;
    signedOut = new HttpClient(server.url);
  });
  afterAll(() => server.close());

  it('answers each role as the policy says: staff who enter responses manage them, only an admin restores', async () => {
    const pages = [base(), `${base()}/${paper}`, `${base()}/${paper}/correct`, `${base()}/${paper}/withdraw`];
    for (const page of pages) {
      expect((await body(await admin.get(page))).status).toBe(200);
      expect((await body(await analyst.get(page))).status).toBe(200);
      expect((await body(await viewer.get(page))).status).toBe(403);
      expect((await body(await otherAdmin.get(page))).status).toBe(403);
      const anonymous = await body(await signedOut.get(page));
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toBe(`/sign-in?next=${encodeURIComponent(page)}`);
    }
    // Unknown consultations and references are not found.
    expect((await body(await admin.get('/staff/consultations/nope/responses'))).status).toBe(404);
    expect((await body(await admin.get(`${base()}/ZZZZ-ZZZZ-ZZ`))).status).toBe(404);

    // Posts: refused to a viewer, another partnership, the signed out, and (restore) an analyst; nothing changes.
    const posts: [string, Record<string, string>][] = [
      [`${base()}/${paper}/correct`, { _version: '1', _reason: 'Planted', ...crimeAnswers('wyken', 'very_unsafe') }],
      [`${base()}/${paper}/withdraw`, { _reason: 'Planted' }],
      [`${base()}/${paper}/restore`, {}],
    ];
    for (const [path, form] of posts) {
      for (const client of [viewer, otherAdmin]) {
        const _csrf = await client.csrfFrom('/staff');
        expect((await body(await client.postForm(path, { _csrf, ...form }))).status).toBe(403);
      }
      const _csrf = await signedOut.csrfFrom('/sign-in');
      expect([401, 303]).toContain((await body(await signedOut.postForm(path, { _csrf, ...form }))).status);
    }
    const _csrf = await analyst.csrfFrom(`${base()}/${paper}`);
    expect((await body(await analyst.postForm(`${base()}/${paper}/restore`, { _csrf }))).status).toBe(403);
    expect(await stored(paper)).toEqual({
      answers: expect.stringContaining('"safe_dark":"fairly_safe"'),
      version: 1,
      withdrawn_at: null,
      withdrawal_reason: null,
    });
    expect(await auditActions()).toEqual([]);
  });

  it('lists responses with a filter by channel, ward and date (a GET form), and names a bad date', async () => {
    const all = await body(await analyst.get(base()));
    expect(all.html).toContain('Showing 1 to 2 of 2 responses, newest first.');
    expect(all.html).toContain(`href="${base()}/${online}"`);
    expect(all.html).toContain('Earlsdon');
    expect(all.html).toContain('<form method="get"');
    const paperOnly = await body(await analyst.get(`${base()}?channel=paper`));
    expect(paperOnly.html).toContain(paper);
    expect(paperOnly.html).not.toContain(online);
    const wyken = await body(await analyst.get(`${base()}?ward=wyken`));
    expect(wyken.html).toContain(paper);
    expect(wyken.html).not.toContain(online);
    const future = await body(await analyst.get(`${base()}?from-day=1&from-month=1&from-year=2999`));
    expect(future.html).toContain('No responses match.');
    const bad = await body(await analyst.get(`${base()}?to-day=31&to-month=2&to-year=2026`));
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('The &quot;to&quot; date must be a real date, like 27 3 2024');
    expect(bad.html).toContain('href="#to-day"');
  });

  it('shows a response in full with question text and option labels, who entered it and how it arrived', async () => {
    const page = await body(await analyst.get(`${base()}/${online}`));
    expect(page.html).toContain(`Response ${online}`);
    expect(page.html).toContain('A bit unsafe');
    expect(page.html).toContain('Earlsdon');
    expect(page.html).toContain('The respondent, online');
    expect(page.html).toContain('None: this response has not been corrected.');
    expect(page.html).toContain('Correct this response');
    expect(page.html).not.toContain('Restore this response');
  });

  it('corrects a response: the form holds the answers now, a reason is required, and the old answers become a version', async () => {
    const form = await body(await analyst.get(`${base()}/${paper}/correct`));
    expect(form.html).toMatch(/value="fairly_safe" checked|checked[^>]*value="fairly_safe"/);
    expect(form.html).toContain('any question may be left blank');
    let _csrf = await analyst.csrfFrom(`${base()}/${paper}/correct`);
    const missing = await body(
      await analyst.postForm(`${base()}/${paper}/correct`, {
        _csrf,
        _version: '1',
        _reason: ' ',
        ...crimeAnswers('wyken', 'very_unsafe'),
        safe_day: '',
      }),
    );
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('Enter why you are correcting this response');
    expect(missing.html).toContain('href="#_reason"');
    expect((await stored(paper)).version).toBe(1);

    _csrf = await analyst.csrfFrom(`${base()}/${paper}/correct`);
    const done = await body(
      await analyst.postForm(`${base()}/${paper}/correct`, {
        _csrf,
        _version: '1',
        _reason: 'Keyed from the wrong form',
        ...crimeAnswers('wyken', 'very_unsafe'),
        safe_day: '',
      }),
    );
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${base()}/${paper}?done=corrected`);
    const after = await stored(paper);
    expect(after.version).toBe(2);
    expect(JSON.parse(after.answers)).toMatchObject({ safe_dark: 'very_unsafe', safe_day: null });
    const page = await body(await analyst.get(done.location!));
    expect(page.html).toContain('Response corrected.');
    expect(page.html).toContain('Version 1');
    expect(page.html).toContain('Keyed from the wrong form');
    expect(page.html).toMatch(/Fairly safe<\/td>\s*<td class="govuk-table__cell">Very unsafe/);

    // The same form again, from version 1: someone else's correction is not overwritten.
    _csrf = await analyst.csrfFrom(`${base()}/${paper}/correct`);
    const stale = await body(
      await analyst.postForm(`${base()}/${paper}/correct`, { _csrf, _version: '1', _reason: 'Again', ...crimeAnswers('wyken', 'very_safe') }),
    );
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('was changed by someone else');
    expect((await stored(paper)).version).toBe(2);
    expect(await auditActions()).toEqual(['response.correct']);
  });

  it('withdraws a response with a reason, out of the counts and the download; only an admin restores it', async () => {
    let _csrf = await analyst.csrfFrom(`${base()}/${online}/withdraw`);
    const missing = await body(await analyst.postForm(`${base()}/${online}/withdraw`, { _csrf, _reason: '' }));
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('Enter why you are withdrawing this response');
    _csrf = await analyst.csrfFrom(`${base()}/${online}/withdraw`);
    const done = await body(await analyst.postForm(`${base()}/${online}/withdraw`, { _csrf, _reason: 'A test response' }));
    expect(done.status).toBe(303);
    expect((await stored(online)).withdrawal_reason).toBe('A test response');

    const page = await body(await analyst.get(done.location!));
    expect(page.html).toContain('Response withdrawn.');
    expect(page.html).toContain('A test response');
    expect(page.html).not.toContain('Correct this response');
    expect(page.html).not.toContain('Restore this response');
    expect((await body(await analyst.get(base()))).html).toMatch(/govuk-tag--grey">Withdrawn/);
    const overview = await body(await analyst.get(`/staff/consultations/${consultationId}`));
    expect(overview.html).toContain(`href="${base()}"`);
    expect(overview.html).toMatch(/Responses\s*<\/dt>\s*<dd[^>]*>\s*1\s*</);
    const csv = await body(await analyst.get(`/staff/consultations/${consultationId}/export.csv`));
    expect(csv.html).toContain(paper);
    expect(csv.html).not.toContain(online);

    const restorePage = await body(await admin.get(`${base()}/${online}`));
    expect(restorePage.html).toContain('Restore this response');
    _csrf = await admin.csrfFrom(`${base()}/${online}`);
    const restored = await body(await admin.postForm(`${base()}/${online}/restore`, { _csrf }));
    expect(restored.status).toBe(303);
    expect((await body(await admin.get(restored.location!))).html).toContain('Response restored.');
    expect((await stored(online)).withdrawn_at).toBeNull();
    _csrf = await admin.csrfFrom(`${base()}/${online}`);
    expect((await body(await admin.postForm(`${base()}/${online}/restore`, { _csrf }))).status).toBe(409);
    expect(await auditActions()).toEqual(['response.correct', 'response.restore', 'response.withdraw']);
  });

  it('shows one response to scripts through the API, with its earlier versions, to the same roles', async () => {
    const api = `/api/v1/consultations/${consultationId}/responses/${paper.toLowerCase()}`;
    const answer = await analyst.get(api);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      reference: paper,
      channel: 'paper',
      version: 2,
      withdrawn: null,
      answers: { safe_dark: 'very_unsafe', safe_day: null },
      earlierVersions: [{ version: 1, surveyVersion: 1, reason: 'Keyed from the wrong form', answers: { safe_dark: 'fairly_safe' } }],
    });
    const statuses: [HttpClient, number][] = [
      [admin, 200],
      [viewer, 403],
      [otherAdmin, 403],
      [signedOut, 401],
    ];
    for (const [client, status] of statuses) expect((await body(await client.get(api))).status).toBe(status);
    expect((await body(await admin.get(`/api/v1/consultations/${consultationId}/responses/ZZZZ-ZZZZ-ZZ`))).status).toBe(404);
  });

  it('pages a long list with GOV.UK pagination that keeps the filter', async () => {
    const { consultationId: id } = await openConsultation(handle(), 'crime-survey', 'A long list');
    const consultation = { id, partnershipId, surveyVersion: 1 };
    await buildResponses({
      handle: handle(),
      consultation,
      answers: Array.from({ length: 52 }, () => crimeAnswers('wyken', 'fairly_safe')),
      channel: 'email',
    });
    await buildResponses({ handle: handle(), consultation, answers: [crimeAnswers('wyken', 'fairly_safe')] });
    const first = await body(await analyst.get(`/staff/consultations/${id}/responses?channel=email`));
    expect(first.html).toContain('Showing 1 to 50 of 52 responses, newest first.');
    expect(first.html).toContain('govuk-pagination');
    const next = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/.exec(first.html)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBe(`/staff/consultations/${id}/responses?channel=email&page=2`);
    const second = await body(await analyst.get(next!));
    expect(second.html).toContain('Showing 51 to 52 of 52 responses, newest first.');
    expect((second.html.match(/<tr class="govuk-table__row">/g) ?? []).length).toBe(3);
  });
});
