// A partnership's saved population margins: pre-filled from its wards' populations, saved (audited) by its analysts and
// admins, then used by the dashboard and by weighted=on.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import type { Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';
import { importGeographyTable } from '../geography/importGeographyTable.js';
import { cliActor } from '../platform/recordAudit.js';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';
import type { AnalysisResult } from './types.js';

const base = { safe_day: 'very_safe', safe_dark: 'a_bit_unsafe', safe_centre_day: 'fairly_safe', safe_centre_dark: 'very_unsafe' };
const MARGINS = 'variable,value,population\nSex,FEMALE,600\nsex,Male,400';

describeEachEngine('saved population margins', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  let consultation: Consultation;
  const staff = new Map<Role, HttpClient>();
  let otherAdmin: HttpClient;
  const page = () => `/staff/partnerships/${p.id}/margins`;

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db, wards: ['Northgate', 'Riverside'] });
    await db
      .insertInto('lsoas')
      .values([
        { partnership_id: p.id, code: 'E01000001', name: 'A', ward_code: 'northgate', imd_rank: 1, imd_decile: 1, crime_decile: 1, population: 1500 },
        { partnership_id: p.id, code: 'E01000002', name: 'B', ward_code: 'northgate', imd_rank: 2, imd_decile: 2, crime_decile: 2, population: 1700 },
        { partnership_id: p.id, code: 'E01000003', name: 'C', ward_code: 'riverside', imd_rank: 3, imd_decile: 3, crime_decile: 3, population: 2100 },
      ])
      .execute();
    consultation = await buildConsultation({ db, partnershipId: p.id, stage: 'open' });
    // 6 women, 3 men, 1 who preferred not to say: weights 90, 120 and 100 (src/analysis/weighting.test.ts).
    await buildResponses({
      handle: handle(),
      consultation,
      answers: [
        ...Array.from({ length: 6 }, () => ({ ...base, sex: 'female', victim: 'yes' })),
        ...Array.from({ length: 3 }, () => ({ ...base, sex: 'male', victim: 'no' })),
        { ...base, sex: 'prefer_not_to_say', victim: 'no' },
      ],
    });
    for (const role of ['admin', 'analyst', 'partner', 'viewer'] as const)
      staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    otherAdmin = (await buildUser({ db, role: 'admin', partnershipId: (await buildPartnership({ db })).id, server })).client;
  });
  afterAll(() => server.close());

  const audits = async () =>
    handle()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('partnership_id', '=', p.id)
      .where('action', '=', 'analysis.save_margins')
      .execute();

  it("starts from the wards' populations when nothing is saved", async () => {
    const html = await (await staff.get('analyst')!.get(page())).text();
    expect(html).toContain('variable,value,population\nward,Northgate,3200\nward,Riverside,2100');
    expect(html).toContain('Nothing is saved yet');
  });

  it("starts from the imported ward populations' residents aged 16 and over (the demo's: the 2021 Census)", async () => {
    const { db } = handle();
    const coventry = await buildPartnership({ db, wards: ['Earlsdon', 'Foleshill'] });
    const census = fs
      .readFileSync(path.join(REPOSITORY_ROOT, 'fixtures/geo/census2021_age6_by_ward24_coventry_DERIVED.csv'), 'utf8')
      .split('\n')
      .filter((line, i) => i === 0 || /,(Earlsdon|Foleshill),/.test(line))
      .join('\n');
    const imported = { db, actor: cliActor(), partnershipId: coventry.id, fileName: 'census.csv' };
    await importGeographyTable({ ...imported, kind: 'wards', text: census });
    await importGeographyTable({ ...imported, kind: 'population', text: census });
    const admin = (await buildUser({ db, role: 'admin', partnershipId: coventry.id, server })).client;
    const html = await (await admin.get(`/staff/partnerships/${coventry.id}/margins`)).text();
    expect(html).toContain('variable,value,population\nward,Earlsdon,12394\nward,Foleshill,16430');
    expect(html).toContain('from the 2021 Census');
  });

  it('refuses margins that do not parse, saying why, and saves nothing', async () => {
    const analyst = staff.get('analyst')!;
    const csrf = await analyst.csrfFrom(page());
    const res = await analyst.postForm(page(), { _csrf: csrf, margins: 'variable,value,population\nsex,,20' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('Line 2 of the margins file gives no value for &quot;sex&quot;');
    expect(await handle().db.selectFrom('weighting_margins').selectAll().where('partnership_id', '=', p.id).execute()).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it('saves them with an audit entry; the dashboard starts from them and weighted=on uses them', async () => {
    const analyst = staff.get('analyst')!;
    const csrf = await analyst.csrfFrom(page());
    const res = await analyst.postForm(page(), { _csrf: csrf, margins: MARGINS.replace(/\n/g, '\r\n') });
    expect(res.status).toBe(303);
    const rows = await handle()
      .db.selectFrom('weighting_margins')
      .select(['position', 'variable', 'value', 'population'])
      .where('partnership_id', '=', p.id)
      .orderBy('position')
      .execute();
    expect(rows.map((r) => [r.position, r.variable, r.value, Number(r.population)])).toEqual([
      [0, 'Sex', 'FEMALE', 600],
      [1, 'sex', 'Male', 400],
    ]);
    const [entry] = await audits();
    expect(JSON.parse(entry!.detail)).toEqual({ from: 0, lines: 2, variables: ['Sex', 'sex'] });
    expect(await (await analyst.get(`${page()}?saved=1`)).text()).toContain('The margins were saved');

    const dashboard = await (await analyst.get(`/staff/consultations/${consultation.id}/analysis`)).text();
    expect(dashboard).toContain(MARGINS);
    expect(dashboard).toMatch(/The box starts with the partnership(&#39;|')s saved margins\./);

    const body = (await (
      await analyst.get(`/api/v1/consultations/${consultation.id}/analysis?weighted=on&suppressBelow=10`)
    ).json()) as AnalysisResult;
    expect(body.weighted).toBe(true);
    expect(body.weighting).toMatchObject({ variables: ['sex'], notStated: { sex: 1 } });
    const victim = body.questions.find((q) => q.code === 'victim')!;
    // Weighted victims: 6 women x 90 = 540 of 1000.
    expect(victim.options.find((o) => o.value === 'yes')!.weightedPercent).toBeCloseTo(54, 9);
    const weightedDashboard = await (
      await analyst.get(`/staff/consultations/${consultation.id}/analysis?weighted=on&margins=${encodeURIComponent(MARGINS)}`)
    ).text();
    expect(weightedDashboard).toContain(
      'Respondents who did not state a weighting variable (1 sex) are weighted as their own group at their share of the sample.',
    );
  });

  it('is for analysts and admins of the partnership only', async () => {
    expect((await staff.get('admin')!.get(page())).status).toBe(200);
    for (const role of ['partner', 'viewer'] as const) {
      const res = await staff.get(role)!.get(page());
      expect(res.status).toBe(403);
      await res.body?.cancel();
    }
    const signedOut = await new HttpClient(server.url).get(page());
    expect(signedOut.status).toBe(303);
    const other = await otherAdmin.get(page());
    expect(other.status).toBe(403);
    expect(await other.text()).not.toContain('Northgate');
    const csrf = await otherAdmin.csrfFrom('/staff');
    const posted = await otherAdmin.postForm(page(), { _csrf: csrf, margins: 'variable,value,population\nsex,female,1' });
    expect(posted.status).toBe(403);
    await posted.body?.cancel();
    expect(await handle().db.selectFrom('weighting_margins').select('value').where('partnership_id', '=', p.id).execute()).toHaveLength(2);
  });

  it('asks for margins when weighted=on has none to use', async () => {
    const { db } = handle();
    const q = await buildPartnership({ db });
    const c = await buildConsultation({ db, partnershipId: q.id, stage: 'open' });
    const admin = (await buildUser({ db, role: 'admin', partnershipId: q.id, server })).client;
    const res = await admin.get(`/api/v1/consultations/${c.id}/analysis?weighted=on`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('save margins for the partnership first');
  });
});
