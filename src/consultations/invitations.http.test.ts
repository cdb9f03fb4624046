// Members' invitations from the staff page: re-inviting, the CSV of links for a mail merge, and who may do either.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_MEMBERS_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES, type Role } from '../accounts/roles.js';
import { submitInvitedResponse } from './invitations/submitInvitedResponse.js';
import { submitMemberResponse } from './members/submitMemberResponse.js';
import { ConsultationRuntimeCache } from './runtime.js';

const HUB = '/p/coventry-community-safety-partnership';
const TOKEN = /\/invitation\/([A-Za-z0-9_-]{43})/g;

describeEachEngine("members' invitations (staff)", ({ handle }) => {
  let server: TestServer;
  let partnershipId: string;
  let consultationId: string;
  let mbase: string;
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const page = () => `/staff/consultations/${consultationId}/invitations`;
  const download = () => `${page()}/links.csv`;

  beforeAll(async () => {
    const members = await openConsultation(handle(), 'members-survey', 'Members survey');
    ({ partnershipId, consultationId } = members);
    mbase = `${HUB}/${members.slug}`;
    server = await startTestServer(handle(), { signInRateLimit: 0, submissionRateLimit: 0, publicUrl: 'https://safety.example.gov.uk' });
    for (const role of ROLES) staff.set(role, (await buildUser({ db: handle().db, role, partnershipId, server })).client);
    adminOfOther = (await buildUser({ db: handle().db, role: 'admin', server })).client;
  });
  afterAll(() => server.close());

  const runtimes = () => new ConsultationRuntimeCache(handle().db);
  const invite = async (people: string, client = staff.get('analyst')!) => {
    const res = await client.postForm(page(), { _csrf: await client.csrfFrom(page()), people });
    const html = await res.text();
    return { status: res.status, html, tokens: [...html.matchAll(TOKEN)].map((m) => m[1] ?? '') };
  };
  const rowsOf = async (email: string) =>
    handle()
      .db.selectFrom('invitations')
      .select(['id', 'response_reference'])
      .where('consultation_id', '=', consultationId)
      .where('email', '=', email)
      .orderBy('created_at')
      .execute();
  const responseCount = async () =>
    (await handle().db.selectFrom('responses').select('id').where('consultation_id', '=', consultationId).execute()).length;
  const answerThrough = async (invitationId: string) =>
    submitInvitedResponse({ handle: handle(), runtimes: runtimes(), partnershipId, consultationId, invitationId, answers: VALID_MEMBERS_ANSWERS });

  it('makes no second link for someone who has already answered, and says so to the officer', async () => {
    const first = await invite('Cllr Jane Smith, jane.smith@example.gov.uk');
    expect(first.status).toBe(200);
    expect(first.tokens).toHaveLength(1);
    const [row] = await rowsOf('jane.smith@example.gov.uk');
    const { reference } = await answerThrough(row?.id ?? '');

    const again = await invite('Cllr Jane Smith, Jane.Smith@example.gov.uk\nCllr Bob Jones, bob.jones@example.gov.uk');
    expect(again.status).toBe(200);
    expect(again.html).toContain(`Cllr Jane Smith (jane.smith@example.gov.uk) has already answered, on `);
    expect(again.html).toContain(`(reference ${reference}): no new link was made, as it could not be used to answer again.`);
    expect(again.tokens).toHaveLength(1);
    expect(again.html).toContain('bob.jones@example.gov.uk');
    expect(await rowsOf('jane.smith@example.gov.uk')).toHaveLength(1);
    const audit = await handle()
      .db.selectFrom('audit_log')
      .select('detail')
      .where('entity_id', '=', consultationId)
      .where('action', '=', 'invitations.create')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ count: 1, emails: ['bob.jones@example.gov.uk'], alreadyAnswered: ['jane.smith@example.gov.uk'] });
  });

  it('gives someone re-invited before answering a new link, and one response in all whichever link they use', async () => {
    const first = await invite('Cllr Ann Lee, ann.lee@example.gov.uk');
    const second = await invite('Cllr Ann Lee, ann.lee@example.gov.uk');
    expect(second.html).toContain('Cllr Ann Lee (ann.lee@example.gov.uk) was first invited on ');
    expect(second.html).toContain('their new link and earlier links all work, for one response in all.');
    const [oldLink, newLink] = [first.tokens[0], second.tokens[0]];
    expect(newLink).not.toBe(oldLink);
    const rows = await rowsOf('ann.lee@example.gov.uk');
    expect(rows).toHaveLength(2);

    // Both links open the consultation's page before anyone answers.
    const holderOfOld = new HttpClient(server.url);
    expect((await holderOfOld.get(`${mbase}/invitation/${oldLink}`)).headers.get('location')).toBe(mbase);

    const before = await responseCount();
    await answerThrough(rows[1]?.id ?? '');
    await expect(answerThrough(rows[0]?.id ?? '')).rejects.toMatchObject({ code: 'conflict' });
    expect(await responseCount()).toBe(before + 1);
    expect(new Set((await rowsOf('ann.lee@example.gov.uk')).map((r) => r.response_reference)).size).toBe(1);

    // The old link now says it has been used; the form it had started is refused on sending.
    const used = await new HttpClient(server.url).get(`${mbase}/invitation/${oldLink}`);
    expect(used.status).toBe(410);
    expect(await used.text()).toContain('This invitation has already been used');
  });

  it('refuses a second answer from two links sent at once, and from a link made before the one already used', async () => {
    const first = await invite('Cllr Race, race@example.gov.uk');
    await invite('Cllr Race, race@example.gov.uk');
    expect(first.tokens).toHaveLength(1);
    const rows = await rowsOf('race@example.gov.uk');
    const before = await responseCount();
    const attempts = await Promise.allSettled([...rows, ...rows].map((r) => answerThrough(r.id)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(await responseCount()).toBe(before + 1);

    // Stored before one person's links were claimed together: one answered row, one not. The other still cannot answer.
    await invite('Cllr Legacy, legacy@example.gov.uk');
    await invite('Cllr Legacy, legacy@example.gov.uk');
    const [older, newer] = await rowsOf('legacy@example.gov.uk');
    await answerThrough(older?.id ?? '');
    await handle()
      .db.updateTable('invitations')
      .set({ response_reference: null })
      .where('id', '=', newer?.id ?? '')
      .execute();
    await expect(answerThrough(newer?.id ?? '')).rejects.toMatchObject({ code: 'conflict' });
    expect(await responseCount()).toBe(before + 2);
  });

  it('counts a member who answered signed in as answered, and a member invited by email who answered by link', async () => {
    const signedIn = await buildUser({ db: handle().db, role: 'member', partnershipId, email: 'Member.One@example.gov.uk' });
    await submitMemberResponse({
      handle: handle(),
      runtimes: runtimes(),
      partnershipId,
      consultationId,
      userId: signedIn.id,
      answers: VALID_MEMBERS_ANSWERS,
    });
    const refused = await invite('Cllr Member One, member.one@example.gov.uk');
    expect(refused.tokens).toEqual([]);
    expect(refused.html).toContain('Cllr Member One (member.one@example.gov.uk) has already answered');
    expect(await rowsOf('member.one@example.gov.uk')).toEqual([]);

    const byLink = await buildUser({ db: handle().db, role: 'member', partnershipId, email: 'member.two@example.gov.uk', server });
    await invite('Cllr Member Two, member.two@example.gov.uk');
    const [row] = await rowsOf('member.two@example.gov.uk');
    const { reference } = await answerThrough(row?.id ?? '');
    const again = await byLink.client.get(`${mbase}/questions/your_ward`);
    expect(await again.text()).toContain(`Your reference number is ${reference}.`);
    await expect(
      submitMemberResponse({
        handle: handle(),
        runtimes: runtimes(),
        partnershipId,
        consultationId,
        userId: byLink.id,
        answers: VALID_MEMBERS_ANSWERS,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('downloads the links just made as a formula-safe CSV for a mail merge, audited as personal data', async () => {
    const made = await invite('=HYPERLINK("http://evil.example"), formula@example.gov.uk\nCllr Plain, plain@example.gov.uk');
    expect(made.html).toContain('Download these links (CSV for a mail merge)');
    const analyst = staff.get('analyst')!;
    const body = new URLSearchParams({ _csrf: await analyst.csrfFrom(page()) });
    for (const token of made.tokens) body.append('token', token);
    const res = await analyst.request('POST', download(), {
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-invitation-links\.csv"$/);
    const link = (t: string | undefined) => `https://safety.example.gov.uk${mbase}/invitation/${t}`;
    // A UTF-8 byte order mark first, so that Excel reads the names right; fetch's text() drops it.
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      `name,email,link\r\n"'=HYPERLINK(""http://evil.example"")",formula@example.gov.uk,${link(made.tokens[0])}\r\n` +
        `Cllr Plain,plain@example.gov.uk,${link(made.tokens[1])}\r\n`,
    );
    const audit = await handle()
      .db.selectFrom('audit_log')
      .select(['detail'])
      .where('entity_id', '=', consultationId)
      .where('action', '=', 'invitations.download_links')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
      { personalData: true, count: 2, emails: ['formula@example.gov.uk', 'plain@example.gov.uk'] },
    ]);
  });

  it('refuses links that are not this consultation’s, and tokens that are not links, changing nothing', async () => {
    const analyst = staff.get('analyst')!;
    const _csrf = await analyst.csrfFrom(page());
    const unknown = await analyst.postForm(download(), { _csrf, token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Invitation links not found');
    const malformed = await analyst.postForm(download(), { _csrf, token: 'not-a-token' });
    expect(malformed.status).toBe(400);
    await malformed.text();
    const audited = await handle()
      .db.selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', consultationId)
      .where('action', '=', 'invitations.download_links')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('lets admins and analysts of this partnership only invite and download links', async () => {
    const made = await invite('Cllr Auth, auth@example.gov.uk');
    const token = made.tokens[0] ?? '';
    for (const role of ROLES) {
      const client = staff.get(role)!;
      const allowed = role === 'admin' || role === 'analyst';
      expect([role, (await client.get(page())).status]).toEqual([role, allowed ? 200 : 403]);
      const csrf = await client.csrfFrom('/staff');
      const res = await client.postForm(download(), { _csrf: csrf, token });
      expect([role, res.status]).toEqual([role, allowed ? 200 : 403]);
      await res.text();
    }
    const anonymous = new HttpClient(server.url);
    const csrf = await anonymous.csrfFrom('/sign-in');
    expect((await anonymous.postForm(download(), { _csrf: csrf, token })).status).toBe(401);
    const otherCsrf = await adminOfOther.csrfFrom('/staff');
    const other = await adminOfOther.postForm(download(), { _csrf: otherCsrf, token });
    expect(other.status).toBe(403);
    expect(await other.text()).not.toContain('auth@example.gov.uk');
  });
});
