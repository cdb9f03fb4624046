// The suggestions page beside the coding pages: who may use it, accepting in bulk as the person's coding (audited),
// rejecting by leaving unticked, adding a candidate theme; on both engines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES, type Role } from '../accounts/roles.js';
import { listThemes, textAnswers, unitStates } from '../coding/index.js';
import type { Consultation } from '../consultations/index.js';
import { buildSuggestionData } from './suggestTestData.fixture.js';

describeEachEngine('suggestions page', ({ handle }) => {
  let server: TestServer;
  let c: Consultation;
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const page = () => `/staff/consultations/${c.id}/coding/suggestions`;
  const codingsCount = async () =>
    Number(
      (
        await handle()
          .db.selectFrom('codings')
          .select((e) => e.fn.countAll().as('n'))
          .where('consultation_id', '=', c.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    const built = await buildSuggestionData(handle());
    c = built.consultation;
    for (const role of ROLES) staff.set(role, (await buildUser({ db, role, partnershipId: built.partnershipId, server })).client);
    adminOfOther = (await buildUser({ db, role: 'admin', server })).client;
  }, 60_000);
  afterAll(() => server.close());

  it('is for the analysts and admins of this partnership only; nobody else changes anything', async () => {
    const before = await codingsCount();
    for (const role of ROLES) {
      const client = staff.get(role) as HttpClient;
      const allowed = role === 'admin' || role === 'analyst';
      expect([role, (await client.get(page())).status]).toEqual([role, allowed ? 200 : 403]);
      if (allowed) continue;
      const csrf = await client.csrfFrom('/staff');
      expect([role, (await client.postForm(`${page()}/accept`, { _csrf: csrf, question: 'feel_safer', accept: 'x y' })).status]).toEqual([role, 403]);
      expect([role, (await client.postForm(`${page()}/themes`, { _csrf: csrf, question: 'feel_safer', name: 'Planted' })).status]).toEqual([
        role,
        403,
      ]);
    }
    expect((await adminOfOther.get(page())).status).toBe(403);
    const otherCsrf = await adminOfOther.csrfFrom('/staff');
    expect((await adminOfOther.postForm(`${page()}/themes`, { _csrf: otherCsrf, question: 'feel_safer', name: 'Planted' })).status).toBe(403);
    expect((await new HttpClient(server.url).get(page())).status).toBe(303);
    expect(await codingsCount()).toBe(before);
    expect((await (staff.get('analyst') as HttpClient).get(`${page()}?question=nope`)).status).toBe(404);
  });

  it('shows each uncoded answer with its suggestions ticked, their confidence, approximate sentiment and candidate themes', async () => {
    const html = await (await (staff.get('analyst') as HttpClient).get(page())).text();
    expect(html).toContain('Suggested themes');
    expect(html).toContain('Speeding cars outside my house');
    expect(html).not.toContain('Cars speeding down the high street'); // coded by a person: no suggestion
    expect(html).toMatch(/Speeding and road safety \(\d+% confident\)/);
    expect(html).toContain('(approximate)');
    expect(html).toContain('Candidate new themes');
    expect(html).toContain('Add to codebook');
  });

  it('saves only the ticked suggestions, as the analyst’s own coding, audited; unticked ones are not saved', async () => {
    const analyst = staff.get('analyst') as HttpClient;
    const html = await (await analyst.get(page())).text();
    const values = [...html.matchAll(/name="accept" type="checkbox" value="([^"]+)"/g)].map((m) => m[1] as string);
    expect(values.length).toBeGreaterThanOrEqual(6);
    const [first, second] = values;
    const before = await codingsCount();
    const form = new URLSearchParams([
      ['_csrf', await analyst.csrfFrom(page())],
      ['question', 'feel_safer'],
      ...[first, second, 'forged-unit forged-theme'].map((v) => ['accept', v as string]),
    ]);
    const res = await analyst.request('POST', `${page()}/accept`, {
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=accepted');
    const states = await unitStates(handle().db, c.partnershipId, c.id, 'primary');
    const themes = await listThemes(handle().db, c.partnershipId, c.id);
    for (const v of [first, second]) {
      const [unit, theme] = (v as string).split(' ');
      expect(states.get(unit as string)?.themeIds).toContain(theme);
      expect(themes.some((t) => t.id === theme)).toBe(true);
    }
    expect(await codingsCount()).toBe(before + new Set([first, second]).size);
    const audit = await handle().db.selectFrom('audit_log').select(['action', 'actor_label']).where('partnership_id', '=', c.partnershipId).execute();
    expect(audit.filter((a) => a.action.startsWith('coding.') && a.actor_label.includes('analyst')).length).toBeGreaterThanOrEqual(1);
    const none = await analyst.postForm(`${page()}/accept`, { _csrf: await analyst.csrfFrom(page()), question: 'feel_safer' });
    expect(none.headers.get('location')).toContain('done=none');
    expect(await codingsCount()).toBe(before + 2);
    const answers = await textAnswers(handle().db, c);
    expect(answers.length).toBe(18);
  });

  it('adds a candidate theme to the codebook, and explains a refusal', async () => {
    const admin = staff.get('admin') as HttpClient;
    const res = await admin.postForm(`${page()}/themes`, {
      _csrf: await admin.csrfFrom(page()),
      question: 'feel_safer',
      name: 'Broken lights',
      description: 'Answers about lights',
    });
    expect(res.status).toBe(303);
    expect((await listThemes(handle().db, c.partnershipId, c.id)).find((t) => t.name === 'Broken lights')).toMatchObject({ origin: 'discovered' });
    const bad = await admin.postForm(`${page()}/themes`, { _csrf: await admin.csrfFrom(page()), question: 'feel_safer', name: '', description: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter the theme’s name');
  });
});
