import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { cliActor } from '../platform/recordAudit.js';
import { createInvitations } from './invitations/createInvitations.js';

const HUB = '/p/coventry-community-safety-partnership';
const PARTNERSHIP = 'Coventry Community Safety Partnership';
const NAMED = `Your answers are linked to your name. The community safety team (analysts and administrators of ${PARTNERSHIP}) can see who answered and what they said; published results do not name anyone.`;
const ANONYMOUS = 'Your answers are anonymous unless you choose to tell us who you are.';
const MEMBER_PAGES: [string, Record<string, string>][] = [
  ['your_ward', { ward: 'earlsdon', ward_priorities__1: 'drugs', ward_priorities__2: 'asb', ward_priorities__3: 'burglary' }],
  ['themes', { theme_offending: 'very_important', theme_public_place: 'fairly_important', theme_exploitation: 'very_important' }],
  ['partners', {}],
];

async function post(client: HttpClient, url: string, fields: Record<string, string>): Promise<Response> {
  return client.postForm(url, { _csrf: await client.csrfFrom(url), ...fields });
}

async function answerPages(client: HttpClient, base: string) {
  for (const [code, fields] of MEMBER_PAGES) expect((await post(client, `${base}/questions/${code}`, fields)).status).toBe(303);
}

/** The text of every paragraph or inset saying who sees the answers. */
const notice = (html: string) => /id="who-sees-answers">\s*([^<]+?)\s*</.exec(html)?.[1];

describeEachEngine("the members' survey", ({ handle }) => {
  let server: TestServer;
  let partnershipId: string;
  let mbase: string;
  let consultationId: string;
  beforeAll(async () => {
    const members = await openConsultation(handle(), 'members-survey', 'Members survey');
    ({ partnershipId, consultationId } = members);
    mbase = `${HUB}/${members.slug}`;
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
  });
  afterAll(() => server.close());

  const responseCount = async () =>
    (await handle().db.selectFrom('responses').select('id').where('consultation_id', '=', consultationId).execute()).length;

  it('tells an invited member, on the landing page, check page and confirmation, that staff can see who said what', async () => {
    const {
      created: [invitation],
    } = await createInvitations({
      db: handle().db,
      actor: cliActor(),
      partnershipId,
      consultationId,
      invitees: [{ email: 'cllr.notice@example.org', name: 'Cllr Notice' }],
    });
    const invited = new HttpClient(server.url);
    const landing = await invited.get(invitation?.link ?? '');
    expect(landing.headers.get('location')).toBe(mbase);
    const first = await (await invited.get(`${mbase}/questions/your_ward`)).text();
    expect(notice(first)).toBe(NAMED);
    expect(notice(await (await invited.get(mbase)).text())).toBe(NAMED);
    await answerPages(invited, mbase);
    expect(notice(await (await invited.get(`${mbase}/check`)).text())).toBe(NAMED);
    expect((await post(invited, `${mbase}/check`, { website: '' })).headers.get('location')).toBe(`${mbase}/confirmation`);
    const confirmation = await (await invited.get(`${mbase}/confirmation`)).text();
    expect(notice(confirmation)).toBe(NAMED);
    for (const page of [first, confirmation]) expect(page.toLowerCase()).not.toContain('anonymous');
    const stored = await handle().db.selectFrom('consultations').select('privacy_notice').where('id', '=', consultationId).executeTakeFirstOrThrow();
    expect(stored.privacy_notice).toContain('Your answers are linked to your name');
    expect(stored.privacy_notice).not.toContain('anonymous');
  });

  it('keeps the anonymity wording on the public Crime Survey', async () => {
    const crime = await openConsultation(handle(), 'crime-survey', 'Crime Survey');
    const html = await (await new HttpClient(server.url).get(`${HUB}/${crime.slug}`)).text();
    expect(notice(html)).toBe(ANONYMOUS);
    expect(notice(await (await new HttpClient(server.url).get(`${HUB}/${crime.slug}/questions/where_you_live`)).text())).toBe(ANONYMOUS);
  });

  it('lets a signed-in member answer once: a second attempt is told the reference and date, and stores nothing', async () => {
    const { client } = await buildUser({ db: handle().db, role: 'member', partnershipId, server });
    const before = await responseCount();
    await answerPages(client, mbase);
    expect((await post(client, `${mbase}/check`, { website: '' })).headers.get('location')).toBe(`${mbase}/confirmation`);
    const reference = /<strong>([^<]+)<\/strong>/.exec(await (await client.get(`${mbase}/confirmation`)).text())?.[1] ?? 'none';
    expect(await responseCount()).toBe(before + 1);

    const again = await client.get(`${mbase}/questions/your_ward`);
    expect(again.status).toBe(200);
    const againHtml = await again.text();
    expect(againHtml).toContain('You have already answered this survey');
    expect(againHtml).toMatch(
      new RegExp(
        `You sent your response on \\d{1,2} \\w+ \\d{4} at (midnight|midday|\\d{1,2}(:\\d{2})?[ap]m)\\. Your reference number is ${reference}\\.`,
      ),
    );
    expect(await (await client.get(`${mbase}/check`)).text()).toContain('You have already answered this survey');
    expect(await (await client.get(mbase)).text()).toContain(`Your reference number is ${reference}.`);
    const resent = await client.postForm(`${mbase}/check`, { _csrf: await client.csrfFrom(HUB), website: '' });
    expect(resent.status).toBe(409);
    expect(await resent.text()).toContain(`Your reference number is ${reference}.`);
    expect(await responseCount()).toBe(before + 1);
  });

  it('stores one response when a member sends the survey five times at once', async () => {
    const { client } = await buildUser({ db: handle().db, role: 'member', partnershipId, server });
    const before = await responseCount();
    await answerPages(client, mbase);
    const _csrf = await client.csrfFrom(`${mbase}/check`);
    const sent = await Promise.all(Array.from({ length: 5 }, () => client.postForm(`${mbase}/check`, { _csrf, website: '' })));
    expect(sent.map((r) => r.status).sort()).toEqual([303, 409, 409, 409, 409]);
    for (const r of sent.filter((r) => r.status === 409)) expect(await r.text()).toContain('You have already answered this survey');
    expect(await responseCount()).toBe(before + 1);
  });
});
