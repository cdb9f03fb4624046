// The coding pages: who may use them, the codebook, coding answers one at a time and in a list, the blind sample,
// agreement, the codings download, and bad input answered with a message that changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES, type Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';
import { newId, toJson } from '../db/columnTypes.js';
import { listThemes } from './queries/listThemes.js';
import { unitStates } from './queries/unitStates.js';
import { withComment } from './testFixtures.js';

const COMMENTS = [
  'More police on foot in the evenings',
  'Street lights keep going off on our road',
  'Más policía en el parque por la noche',
  '...',
  'Drug dealing near the shops every night',
];

describeEachEngine('theme coding pages', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  let c: Consultation;
  const staff = new Map<Role, HttpClient>();
  let analyst: HttpClient;
  let second: HttpClient;
  /** The comment coded first (the first in the order answers are listed). */
  let firstCoded = '';
  const home = () => `/staff/consultations/${c.id}/coding`;
  const db = () => handle().db;
  const refs = async () =>
    (
      await db()
        .selectFrom('responses')
        .select(['reference', 'answers'])
        .where('consultation_id', '=', c.id)
        .orderBy('submitted_at')
        .orderBy('id')
        .execute()
    ).map((r) => ({
      reference: r.reference,
      text: (JSON.parse(r.answers) as { feel_safer?: string }).feel_safer,
    }));
  const refOf = async (text: string) => (await refs()).find((r) => r.text === text)?.reference ?? '';
  const themeId = async (code: string) => (await listThemes(db(), c.partnershipId, c.id)).find((t) => t.code === code)?.id ?? '';
  const post = async (client: HttpClient, path: string, fields: [string, string][], csrfFrom = path) => {
    const csrf = await client.csrfFrom(csrfFrom);
    return client.request('POST', path, {
      body: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  };
  const audits = async (action: string) =>
    (await db().selectFrom('audit_log').select('detail').where('partnership_id', '=', p.id).where('action', '=', action).orderBy('at').execute()).map(
      (r) => JSON.parse(r.detail) as Record<string, unknown>,
    );

  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db: db(), name: 'Codeshire Community Safety Partnership', themes: [{ id: 'roads', title: 'Safer roads' }] });
    c = await buildConsultation({ db: db(), partnershipId: p.id, stage: 'closed', title: 'Codeshire crime survey' });
    await buildResponses({
      handle: handle(),
      consultation: c,
      answers: [...COMMENTS.map((t, i) => withComment(t, p.wards[i % 3]?.code)), withComment(undefined)],
    });
    // An import wrote text the form would refuse: too long for it, and with undecodable bytes.
    await db()
      .insertInto('responses')
      .values({
        partnership_id: p.id,
        id: newId(),
        consultation_id: c.id,
        reference: 'IMPORTED1',
        survey_version: c.surveyVersion,
        channel: 'paper',
        answers: toJson({
          ...withComment(`${'Very long complaint about parking. '.repeat(200)}\uFFFD`),
          feel_safer: `${'Very long complaint about parking. '.repeat(200)}\uFFFD`,
        }),
        submitted_at: new Date().toISOString(),
        entered_by: null,
        idempotency_key: null,
        import_id: null,
        is_demo: 0,
      })
      .execute();
    for (const role of ROLES) staff.set(role, (await buildUser({ db: db(), role, partnershipId: p.id, server })).client);
    analyst = staff.get('analyst') as HttpClient;
    second = (await buildUser({ db: db(), role: 'analyst', partnershipId: p.id, server })).client;
  });
  afterAll(() => server.close());

  it('lets admins and analysts in, refuses partners, members and viewers, and sends the signed-out to sign in', async () => {
    for (const role of ROLES) {
      const res = await staff.get(role)?.get(home());
      const html = (await res?.text()) ?? '';
      if (role === 'admin' || role === 'analyst') {
        expect(res?.status, role).toBe(200);
        expect(html).toContain('Theme coding');
      } else {
        expect(res?.status, role).toBe(403);
        expect(html).toContain('forbidden');
      }
    }
    const anonymous = await new HttpClient(server.url).get(home());
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/sign-in');
    await anonymous.text();
    const other = (await buildUser({ db: db(), role: 'admin', server })).client;
    const refused = await other.get(`${home()}/codebook`);
    expect(refused.status).toBe(403);
    await refused.text();
  });

  it('shows each free-text question with its answers, counting only the answers given', async () => {
    const html = await (await analyst.get(home())).text();
    expect(html).toContain('What one thing would make you feel safer?');
    // Five comments and the imported one; the response without a comment is no answer.
    expect(html).toMatch(/govuk-table__cell--numeric">6</);
    expect(html).toMatch(/The codebook: \d+ themes/);
  });

  it('shows the seeded codebook and adds a theme, refusing a bad one with a message and changing nothing', async () => {
    const page = await (await analyst.get(`${home()}/codebook`)).text();
    expect(page).toContain('Safer roads');
    expect(page).toContain('Street lighting');
    const before = (await listThemes(db(), p.id, c.id)).length;
    const bad = await post(analyst, `${home()}/codebook`, [
      ['name', ''],
      ['code', 'Bad Code'],
      ['description', ''],
      ['parentId', ''],
    ]);
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Enter the theme’s name');
    expect((await listThemes(db(), p.id, c.id)).length).toBe(before);
    const ok = await post(analyst, `${home()}/codebook`, [
      ['name', 'Parking'],
      ['code', ''],
      ['description', 'Parking on pavements'],
      ['parentId', await themeId('safer_roads')],
    ]);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${home()}/codebook?done=added`);
    const after = await (await analyst.get(`${home()}/codebook?done=added`)).text();
    expect(after).toContain('The theme was added.');
    expect(after).toContain('Parking');
    expect(await audits('codebook.theme.add')).toEqual([{ theme: 'parking', name: 'Parking' }]);
  });

  it('codes one answer at a time: several themes, a note, quotable, then on to the next answer not coded', async () => {
    const ordered = (await refs()).filter((r) => typeof r.text === 'string');
    firstCoded = ordered[0]?.text ?? '';
    const first = ordered[0]?.reference ?? '';
    const path = `${home()}/answers/${first}/feel_safer`;
    const page = await (await analyst.get(`${path}?filter=uncoded`)).text();
    expect(page).toContain(firstCoded.slice(0, 20));
    expect(page).toContain('Save and next');
    const res = await post(
      analyst,
      path,
      [
        ['themes', await themeId('police_visibility')],
        ['themes', await themeId('community_engagement')],
        ['note', 'Wants foot patrols'],
        ['quotable', 'yes'],
        ['next', 'next'],
        ['filter', 'uncoded'],
      ],
      `${path}?filter=uncoded`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${home()}/answers/${ordered[1]?.reference}/feel_safer?filter=uncoded&saved=1`);
    const states = await unitStates(db(), p.id, c.id, 'primary');
    const state = [...states.values()][0];
    expect(state?.themeIds.sort()).toEqual([await themeId('police_visibility'), await themeId('community_engagement')].sort());
    expect(state?.note).toBe('Wants foot patrols');
    expect(state?.quotable).toBe(true);
    expect(await audits('coding.code')).toEqual([
      {
        reference: first,
        question: 'feel_safer',
        added: expect.arrayContaining(['police_visibility', 'community_engagement']),
        removed: [],
        quotable: true,
        note: true,
      },
    ]);
    const again = await (await analyst.get(path)).text();
    expect(again).toMatch(/value="[^"]+" checked/);
  });

  it('refuses a theme from outside the codebook and an answer that does not exist, changing nothing', async () => {
    const path = `${home()}/answers/${await refOf(COMMENTS.find((t) => t !== firstCoded) ?? '')}/feel_safer`;
    const bad = await post(analyst, path, [
      ['themes', 'not-a-theme'],
      ['next', 'next'],
    ]);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose themes from this codebook');
    expect((await unitStates(db(), p.id, c.id, 'primary')).size).toBe(1);
    for (const missing of [`${home()}/answers/NOPE/feel_safer`, `${home()}/answers/${await refOf(COMMENTS[1] ?? '')}/safe_day`]) {
      const res = await analyst.get(missing);
      expect(res.status).toBe(404);
      await res.text();
    }
  });

  it('lists answers with their themes and filters by coded, not coded, theme and flag', async () => {
    const count = async (query: string) => /(\d+) answers?[,.]/.exec(await (await analyst.get(`${home()}/answers${query}`)).text())?.[1];
    expect(await count('')).toBe('6');
    expect(await count('?filter=coded')).toBe('1');
    expect(await count('?filter=uncoded')).toBe('5');
    expect(await count(`?theme=${await themeId('police_visibility')}`)).toBe('1');
    expect(await count('?filter=flagged')).toBe('3');
    expect(await count('?flag=not_english')).toBe('1');
    expect(await count('?flag=empty')).toBe('1');
    expect(await count('?flag=enormous')).toBe('1');
    expect(await count('?flag=invalid_text')).toBe('1');
    const list = await (await analyst.get(`${home()}/answers?filter=flagged`)).text();
    expect(list).toContain('Possibly not English');
    expect(list).toContain('Not valid text');
    expect(list).toContain('Read all of it');
    // Nonsense in the query is ignored, not an error.
    const odd = await analyst.get(`${home()}/answers?filter=zzz&page=-4&flag=<script>`);
    expect(odd.status).toBe(200);
    expect(await odd.text()).not.toContain('<script>');
  });

  it('adds a theme to several selected answers at once', async () => {
    const units = (await db().selectFrom('responses').select('id').where('consultation_id', '=', c.id).execute()).map(
      (r) => `answer:${r.id}:feel_safer`,
    );
    const res = await post(
      analyst,
      `${home()}/answers/bulk`,
      [...units.slice(0, 2).map((u): [string, string] => ['units', u]), ['theme', await themeId('drugs')]],
      `${home()}/answers`,
    );
    expect(res.status).toBe(303);
    await res.text();
    const states = await unitStates(db(), p.id, c.id, 'primary');
    const drugs = await themeId('drugs');
    expect([...states.values()].filter((s) => s.themeIds.includes(drugs)).length).toBe(2);
    const none = await post(analyst, `${home()}/answers/bulk`, [['theme', drugs]], `${home()}/answers`);
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Select the answers to add it to');
  });

  it('draws a blind sample a second analyst codes without seeing the first coding, and reports agreement', async () => {
    const bad = await post(
      analyst,
      `${home()}/blind/sample`,
      [
        ['size', 'lots'],
        ['question', ''],
      ],
      `${home()}/blind`,
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter how many answers to draw');
    const tooMany = await post(
      analyst,
      `${home()}/blind/sample`,
      [
        ['size', '99'],
        ['question', ''],
      ],
      `${home()}/blind`,
    );
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain('no more than 6');
    const drawn = await post(
      analyst,
      `${home()}/blind/sample`,
      [
        ['size', '6'],
        ['question', 'feel_safer'],
      ],
      `${home()}/blind`,
    );
    expect(drawn.status).toBe(303);
    await drawn.text();
    const blind = await (await second.get(`${home()}/blind`)).text();
    expect(blind).toContain('6 answers in the sample; 0 coded blind.');
    const next = /href="([^"]+\/coding\/blind\/[^"]+)"/.exec(blind)?.[1] ?? '';
    const first = await refOf(firstCoded);
    const page = await (await second.get(`${home()}/blind/${first}/feel_safer`)).text();
    expect(page).toContain('You are coding blind');
    expect(page).not.toMatch(/value="[^"]+" checked/);
    expect(page).not.toContain('Wants foot patrols');
    // The second analyst agrees on police visibility, leaves out community engagement.
    const res = await post(second, `${home()}/blind/${first}/feel_safer`, [
      ['themes', await themeId('police_visibility')],
      ['next', 'next'],
    ]);
    expect(res.status).toBe(303);
    await res.text();
    expect(next).toContain('/coding/blind/');
    const agreement = await (await second.get(`${home()}/agreement`)).text();
    expect(agreement).toContain('Over the 1 answers');
    expect(agreement).toContain('Police visibility');
    // Over one unit: police visibility both (kappa undefined: p_e = 1), community engagement first only (p_o = 0).
    expect(agreement).toContain('Not defined');
    expect(await audits('coding.code-blind')).toHaveLength(1);
    expect(await audits('coding.blind-sample')).toEqual([{ drawn: 6, question: 'feel_safer' }]);
  });

  it('merges and splits themes from their pages, keeping every coding', async () => {
    const cv = await themeId('community_engagement');
    const merge = await post(analyst, `${home()}/codebook/${cv}/merge`, [['into', await themeId('police_visibility')]], `${home()}/codebook/${cv}`);
    expect(merge.status).toBe(303);
    await merge.text();
    expect(await themeId('community_engagement')).toBe('');
    const pv = await themeId('police_visibility');
    const step1 = await post(analyst, `${home()}/codebook/${pv}/split`, [['names', 'Foot patrols\nPCSOs']], `${home()}/codebook/${pv}/split`);
    expect(step1.status).toBe(200);
    const form = await step1.text();
    expect(form).toContain('Keep on Police visibility');
    const key = /name="key_0" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const step2 = await post(
      analyst,
      `${home()}/codebook/${pv}/split`,
      [
        ['names', 'Foot patrols\nPCSOs'],
        ['confirm', 'yes'],
        ['key_0', key],
        ['unit_0', '0'],
      ],
      `${home()}/codebook/${pv}/split`,
    );
    expect(step2.status).toBe(303);
    await step2.text();
    const states = await unitStates(db(), p.id, c.id, 'primary');
    const moved = states.get(key)?.themeIds ?? [];
    expect(moved).toContain(await themeId('foot_patrols'));
    expect(moved).not.toContain(pv);
    const remove = await post(analyst, `${home()}/codebook/${await themeId('drugs')}/remove`, [], `${home()}/codebook/${await themeId('drugs')}`);
    expect(remove.status).toBe(409);
    expect(await remove.text()).toContain('merge it into another theme instead');
  });

  it('downloads the codings as CSV, the download audited', async () => {
    const res = await analyst.get(`${home()}/codings.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('reference,question,theme,coded_by,coded_at');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 3).join(','))).toEqual(
      expect.arrayContaining(['feel_safer,foot_patrols', 'feel_safer,drugs']),
    );
    expect(await audits('coding.export')).toEqual([{ rows: lines.length - 1 }]);
  });

  it('counts each theme among those who answered, by ward, weighted when asked, with the chosen quotes', async () => {
    // Small numbers: a base under 3 is not shown (the partnership's threshold, lowered for this small test).
    await db().updateTable('partnerships').set({ suppression_minimum: 3 }).where('id', '=', p.id).execute();
    const res = await analyst.get(`${home()}/results`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('6 people answered this question');
    expect(html).toContain('Foot patrols');
    expect(html).toMatch(/Drugs<\/th>\s*<td[^>]*>33\.3% \(2 of 6\)/);
    expect(html).toContain('Chosen quotes');
    expect(html).toContain(firstCoded);
    const byWard = await (await analyst.get(`${home()}/results?by=ward`)).text();
    expect(byWard).toContain('By ward');
    // Three wards with two (or fewer) answers each: under the threshold, so not shown.
    expect(byWard).toContain('Fewer than');
    const badBy = await analyst.get(`${home()}/results?by=shoe_size`);
    expect(badBy.status).toBe(422);
    expect(await badBy.text()).toContain('shoe_size is not a breakdown this survey offers');
    const unweighted = await analyst.get(`${home()}/results?weighted=on`);
    expect(unweighted.status).toBe(422);
    expect(await unweighted.text()).toContain('Save the partnership’s weighting margins first');
    await db()
      .insertInto('weighting_margins')
      .values(p.wards.map((w, position) => ({ partnership_id: p.id, position, variable: 'ward', value: w.name, population: 1000 * (position + 1) })))
      .execute();
    const weighted = await analyst.get(`${home()}/results?weighted=on`);
    expect(weighted.status).toBe(200);
    expect(await weighted.text()).toContain('weighted to the partnership’s population margins');
    const csv = await (await analyst.get(`${home()}/results.csv?by=ward&weighted=on`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('question,theme,theme_name,group,base,count,percent,ci_low,ci_high,weighted_percent,weighted_ci_low,weighted_ci_high');
    expect(lines.find((l) => l.startsWith('feel_safer,drugs,Drugs,All,6,2,33.33,'))).toBeDefined();
    expect(lines.some((l) => /,Ward: [^,]+,fewer than \d+$/.test(l))).toBe(true);
  });

  it('shows the results to every role once the consultation is closed, and never to another partnership', async () => {
    for (const role of ROLES) {
      const res = await staff.get(role)?.get(`${home()}/results`);
      expect(res?.status, role).toBe(200);
      const html = (await res?.text()) ?? '';
      expect(html).toContain('Themes raised');
      expect(html.includes('Theme coding</a>'), role).toBe(role === 'admin' || role === 'analyst');
    }
    const other = (await buildUser({ db: db(), role: 'admin', server })).client;
    const refused = await other.get(`${home()}/results.csv`);
    expect(refused.status).toBe(403);
    await refused.text();
  });
});
