// Partners' datasets in the browser: officers save a mapping (bad ones refused, naming the fields) and import a file
// by it in the background; other roles read the list only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser } from '../../test-support/factories.js';
import type { HttpClient, TestServer } from '../../test-support/httpClient.js';
import { startTestServer } from '../../test-support/httpClient.js';

describeEachEngine('partners’ datasets in the browser', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  let analyst: HttpClient;
  let partner: HttpClient;
  const page = () => `/staff/partnerships/${p.id}/crime/datasets`;

  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db: handle().db, wards: ['Northgate'] });
    analyst = (await buildUser({ db: handle().db, role: 'analyst', partnershipId: p.id, server })).client;
    partner = (await buildUser({ db: handle().db, role: 'partner', partnershipId: p.id, server })).client;
  });
  afterAll(() => server.close());

  it('saves a mapping, refuses a bad one naming its fields, and imports a file by it', async () => {
    const csrf = await analyst.csrfFrom(page());
    const bad = await analyst.postForm(page(), { _csrf: csrf, name: '', date: 'Date', category: 'Type', fixedCategory: 'Fly-tipping' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Give the dataset a name of at most 120 characters');
    expect(html).toContain('Give either the category column or one category for every row');
    expect(html).toContain('Give where each incident happened');
    const saved = await analyst.postForm(page(), {
      _csrf: csrf,
      name: 'Fires (fire service)',
      date: 'Date',
      fixedCategory: 'Deliberate fire',
      ward: 'Ward',
    });
    expect(saved.status).toBe(303);
    expect(await (await partner.get(page())).text()).toContain('Fires (fire service)');
    expect(
      (await partner.postForm(page(), { _csrf: await partner.csrfFrom(page()), name: 'X', date: 'D', fixedCategory: 'Y', ward: 'W' })).status,
    ).toBe(403);

    const form = new FormData();
    form.append('dataset', 'Fires (fire service)');
    form.append('file', new Blob(['Date,Ward\n2024-05-02,Northgate\n2024-05-09,Elsewhere\n'], { type: 'text/csv' }), 'fires-may.csv');
    const started = await analyst.postMultipart(`${page()}/import?_csrf=${encodeURIComponent(csrf)}`, form);
    expect(started.status).toBe(303);
    let status = '';
    for (let i = 0; i < 100 && !status.includes('Imported'); i++) {
      status = await (await analyst.get(started.headers.get('location') as string)).text();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status.replace(/\s+/g, ' '), status.match(/govuk-body">[^<]*/g)?.join(' | ')).toContain(
      'Read 2 rows from 1 file; imported 1; 1 outside the partnership’s area (not kept).',
    );
    const rows = await handle()
      .db.selectFrom('crime_records')
      .select(['force', 'category', 'ward_code', 'month'])
      .where('partnership_id', '=', p.id)
      .execute();
    expect(rows).toEqual([{ force: 'Fires (fire service)', category: 'Deliberate fire', ward_code: 'northgate', month: '2024-05' }]);
  });
});
