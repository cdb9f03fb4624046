// Chart downloads (SVG and PNG, a question's chart or a rating grid's combined chart): who may have them, and what they carry.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import type { Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';

// Twelve respondents: by day 9 very or fairly safe of 12 (75%), after dark 3 of 12 (25%).
const DAY = ['very_safe', 'very_safe', 'very_safe', 'very_safe', 'very_safe', 'very_safe', 'fairly_safe', 'fairly_safe', 'fairly_safe'];
const answersOf = (i: number) => ({
  ward: 'earlsdon',
  sex: i % 2 ? 'male' : 'female',
  safe_day: DAY[i] ?? 'a_bit_unsafe',
  safe_dark: i < 3 ? 'fairly_safe' : i < 8 ? 'a_bit_unsafe' : 'very_unsafe',
  safe_centre_day: 'fairly_safe',
  safe_centre_dark: 'very_unsafe',
});

describeEachEngine('chart downloads', ({ handle }) => {
  let server: TestServer;
  let closed: Consultation;
  let open: Consultation;
  const staff = new Map<Role, HttpClient>();
  let otherAdmin: HttpClient;

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    const p = await buildPartnership({ db, name: 'Chartshire Community Safety Partnership', wards: ['Earlsdon'] });
    closed = await buildConsultation({ db, partnershipId: p.id, stage: 'closed', title: 'Chartshire Survey', resultsVisibility: 'after_close' });
    open = await buildConsultation({ db, partnershipId: p.id, stage: 'open', title: 'Open survey' });
    for (const c of [closed, open])
      await buildResponses({ handle: handle(), consultation: c, answers: Array.from({ length: 12 }, (_, i) => answersOf(i)) });
    for (const role of ['admin', 'analyst', 'viewer'] as const) staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    otherAdmin = (await buildUser({ db, role: 'admin', server })).client;
  });
  afterAll(() => server.close());

  const chart = (c: Consultation, code: string, format: 'svg' | 'png', query = '') =>
    `/staff/consultations/${c.id}/analysis/questions/${code}/chart.${format}${query}`;

  it('gives admins, analysts and (once results may be seen) viewers the PNG of a question and of a rating grid', async () => {
    for (const role of ['admin', 'analyst', 'viewer'] as const) {
      for (const code of ['safe_day', 'safety_area']) {
        const res = await staff.get(role)!.get(chart(closed, code, 'png'));
        expect(res.status, `${role} ${code}`).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/png');
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${code}.png"`);
        const png = Buffer.from(await res.arrayBuffer());
        expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
        expect(png.readUInt32BE(16)).toBe(880);
      }
    }
  });

  it('refuses the signed out, a viewer before results may be seen, and another partnership', async () => {
    const signedOut = await new HttpClient(server.url).get(chart(closed, 'safety_area', 'png'));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/sign-in\?next=/);
    await signedOut.arrayBuffer();
    const early = await staff.get('viewer')!.get(chart(open, 'safety_area', 'png'));
    expect(early.status).toBe(403);
    await early.arrayBuffer();
    expect((await staff.get('analyst')!.get(chart(open, 'safety_area', 'png'))).status).toBe(200);
    for (const format of ['svg', 'png'] as const) {
      const other = await otherAdmin.get(chart(closed, 'safety_area', format));
      expect([403, 404]).toContain(other.status);
      expect(await other.text()).not.toContain('Chartshire');
    }
  });

  it('puts the title, base, filters and source on the rating grid chart, and answers 404 for a code with no chart', async () => {
    // an admin may lower the threshold to 3 (for an analyst six women are too few: no chart, 404)
    const svg = await (await staff.get('admin')!.get(chart(closed, 'safety_area', 'svg', '?sex=female&suppressBelow=3'))).text();
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    expect(svg).toContain('<title id="chart-grid-safety_area-title">How safe do you feel walking alone in this area…</title>');
    // six women (respondents 0, 2, 4, 6, 8, 10): by day 3 very safe, 2 fairly safe, 1 a bit unsafe; after dark 2, 2 and 2
    expect(svg).toContain('during the day? Very safe 50.0%, Fairly safe 33.3%, A bit unsafe 16.7%, Very unsafe 0.0%');
    expect(svg).toContain('after dark? Very safe 0.0%, Fairly safe 33.3%, A bit unsafe 33.3%, Very unsafe 33.3%');
    expect(svg).toContain('Filters: Sex: Female.');
    expect(svg).toContain('Source: Chartshire Survey, Chartshire Community Safety Partnership.');
    const tooFew = await staff.get('analyst')!.get(chart(closed, 'safety_area', 'svg', '?sex=female&suppressBelow=3'));
    expect(tooFew.status).toBe(404);
    await tooFew.arrayBuffer();
    const missing = await staff.get('analyst')!.get(chart(closed, 'no_such_question', 'png'));
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
  });

  it('adds the "very or fairly safe" total row to a safety cross-tab on the dashboard', async () => {
    const page = await staff.get('admin')!.get(`/staff/consultations/${closed.id}/analysis?xq=safe_dark&by=sex&suppressBelow=3`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // fairly safe after dark: respondents 0, 1 and 2, so women 2 of 6 and men 1 of 6
    expect(html).toMatch(
      /Very or fairly safe \(total\)<\/th>\s*<td class="govuk-table__cell"><strong>33\.3%<\/strong><\/td><td class="govuk-table__cell"><strong>16\.7%<\/strong><\/td>/,
    );
    expect(html).toContain('25.0% feel very or fairly safe walking alone in the area after dark, compared with 75.0% during the day');
  });
});
