// The Strategic Assessment of the demo partnership: every role of the partnership reads it (its generated crime
// labelled demo data, its real wards mapped, residents' concerns beside recorded rates, the matrix explained);
// officers set matrix scores (audited), others may not; bad scores are refused; the PDF is a PDF.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import type { HttpClient, TestServer } from '../../test-support/httpClient.js';
import { startTestServer } from '../../test-support/httpClient.js';
import { ROLES } from '../accounts/roles.js';
import { loadDemo } from '../demo/loadDemo.js';
import { cliActor } from '../platform/recordAudit.js';

describeEachEngine('the Strategic Assessment', ({ handle }) => {
  let server: TestServer;
  let id: string;
  const page = () => `/staff/partnerships/${id}/assessment`;
  const clients = new Map<string, HttpClient>();

  beforeAll(async () => {
    id = (await loadDemo(handle(), cliActor())).partnershipId;
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    for (const role of ROLES) clients.set(role, (await buildUser({ db: handle().db, role, partnershipId: id, server })).client);
  }, 120_000);
  afterAll(() => server.close());

  it('shows every role the assessment built from the imported data, labelled demo data', async () => {
    for (const role of ROLES) {
      const res = await (clients.get(role) as HttpClient).get(page());
      expect(res.status, role).toBe(200);
      const html = await res.text();
      expect(html).toContain('Demo data: the recorded crime on this page is generated');
      expect(html).toContain(
        'incidents of crime, anti-social behaviour and partners’ reports were recorded in the 12 months from October 2023 to September 2024',
      );
      expect(html).toContain('Recorded crime and ASB per 1,000 residents by ward, October 2023 to September 2024');
      expect(html).toContain('Earlsdon: ');
      expect(html).toContain('Hotspots: the 15 LSOAs with the highest rates');
      expect(html).toContain('Outcomes: crimes of the 12 months by their latest outcome');
      expect(html).toContain('Investigation complete; no suspect identified');
      expect(html).toContain('English indices of deprivation 2019');
      expect(html).toContain('Anti-social behaviour: concern and recorded rate by ward, biggest mismatch first');
      expect(html).toContain('Fly-tipping: concern and recorded rate by ward, biggest mismatch first');
      expect(html).toContain('Fly-tipping reports (demo data, generated): ');
      expect(html).toContain('Harm 5 (the usual harm of this kind of issue)');
      expect(html.includes('Change the matrix scores'), role).toBe(role === 'admin' || role === 'analyst');
    }
    const map = await (clients.get('partner') as HttpClient).get(`${page()}/map.json?level=ward`);
    expect(map.status).toBe(200);
    const wards = await map.json();
    expect(wards.features).toHaveLength(18);
    expect(wards.features[0].properties.label).toMatch(/^Bablake: [\d.]+ per 1,000 residents/);
    expect(wards.attribution).toContain('DEMO DATA (generated)');
    expect((await (clients.get('viewer') as HttpClient).get(`${page()}/map.json?level=street`)).status).toBe(422);
  });

  it('lets officers set matrix scores, audited, and no one else', async () => {
    for (const role of ['partner', 'member', 'viewer']) {
      const client = clients.get(role) as HttpClient;
      expect((await client.get(`${page()}/matrix`)).status, role).toBe(403);
      const csrf = await client.csrfFrom(page());
      expect((await client.postForm(`${page()}/matrix`, { _csrf: csrf, 'harm-asb': '5' })).status, role).toBe(403);
    }
    const analyst = clients.get('analyst') as HttpClient;
    const csrf = await analyst.csrfFrom(`${page()}/matrix`);
    const saved = await analyst.postForm(`${page()}/matrix`, {
      _csrf: csrf,
      'harm-asb': '5',
      'capacity-asb': '1',
      'rationale-asb': 'Residents’ first concern',
    });
    expect(saved.status).toBe(303);
    const stored = await handle().db.selectFrom('assessment_scores').selectAll().where('partnership_id', '=', id).execute();
    expect(stored.map((s) => [s.issue, s.harm, s.likelihood, s.capacity, s.rationale])).toEqual([['asb', 5, null, 1, 'Residents’ first concern']]);
    const html = await (await analyst.get(page())).text();
    expect(html).toMatch(/Anti-social behaviour<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">5 \(set\)/);
    expect(html).toContain('Rationale: Residents’ first concern');
    const audit = await handle()
      .db.selectFrom('audit_log')
      .select('action')
      .where('partnership_id', '=', id)
      .where('action', '=', 'assessment.scores')
      .execute();
    expect(audit).toHaveLength(1);

    const long = await analyst.postForm(`${page()}/matrix`, { _csrf: csrf, 'rationale-drugs': 'x'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('Keep the rationale for Drugs to 2,000 characters');
    expect((await analyst.postForm(`${page()}/matrix`, { _csrf: csrf, 'harm-asb': '9' })).status).toBe(400);
    expect(await handle().db.selectFrom('assessment_scores').select('issue').where('partnership_id', '=', id).execute()).toEqual([{ issue: 'asb' }]);
  });

  it('gives the assessment as a PDF', async () => {
    const res = await (clients.get('viewer') as HttpClient).get(`${page()}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60_000);
});
