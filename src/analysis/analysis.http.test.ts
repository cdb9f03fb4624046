import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { createUser } from '../accounts/createUser.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';
import { cliActor } from '../platform/recordAudit.js';
import type { AnalysisResult } from './types.js';

// Twelve responses, posted through the public API. Hand-computed: safe_day base 11 (one don't know),
// very safe 6/11; safe after dark 3/12; paired b = 7, c = 0, so McNemar X² = 49/7 = 7.
const DAY = [
  'very_safe',
  'very_safe',
  'very_safe',
  'very_safe',
  'very_safe',
  'very_safe',
  'fairly_safe',
  'fairly_safe',
  'fairly_safe',
  'a_bit_unsafe',
  'a_bit_unsafe',
  'dont_know',
];
const DARK = [
  'fairly_safe',
  'fairly_safe',
  'a_bit_unsafe',
  'a_bit_unsafe',
  'a_bit_unsafe',
  'a_bit_unsafe',
  'very_unsafe',
  'very_unsafe',
  'very_unsafe',
  'very_unsafe',
  'very_unsafe',
  'fairly_safe',
];

describeEachEngine('analysis API and dashboard', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  let analyst: HttpClient;
  beforeAll(async () => {
    const opened = await openConsultation(handle(), 'crime-survey', 'Analysis test');
    consultationId = opened.consultationId;
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    const client = new HttpClient(server.url);
    for (let i = 0; i < DAY.length; i++) {
      const res = await client.postJson(`/api/v1/consultations/${consultationId}/responses`, {
        ...VALID_CRIME_ANSWERS,
        safe_day: DAY[i],
        safe_dark: DARK[i],
      });
      expect(res.status).toBe(201);
    }
    await createUser({
      db: handle().db,
      actor: cliActor(),
      user: {
        email: `viewer-${Date.now()}@example.org`,
        name: 'Viewer',
        role: 'viewer',
        password: 'a-long-analysis-password',
        partnershipIds: [opened.partnershipId],
      },
    });
    analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
  });
  afterAll(() => server.close());
  const url = () => `/api/v1/consultations/${consultationId}/analysis`;

  it('returns the documented JSON with exact counts and percentages', async () => {
    const res = await analyst.get(url());
    expect(res.status).toBe(200);
    const body = (await res.json()) as AnalysisResult;
    expect(body).toMatchObject({ n: 12, weighted: false });
    const day = body.questions.find((q) => q.code === 'safe_day')!;
    expect(day.base).toMatchObject({ n: 11, description: "Base: all who answered, excluding don't know, n = 11", small: true, suppressed: false });
    expect(day.options.map((o) => [o.value, o.count, o.percent])).toEqual([
      ['very_safe', 6, (6 / 11) * 100],
      ['fairly_safe', 3, (3 / 11) * 100],
      ['a_bit_unsafe', 2, (2 / 11) * 100],
      ['very_unsafe', 0, 0],
    ]);
    expect(day.nonSubstantive[0]).toMatchObject({ value: 'dont_know', count: 1, percent: (1 / 12) * 100 });
    const concerns = body.questions.find((q) => q.code === 'concerns')!;
    expect(concerns.options.slice(0, 3).map((o) => [o.value, o.count, o.percent])).toEqual([
      ['fly_tipping', 12, 100],
      ['asb', 12, 100],
      ['drugs', 12, 100],
    ]);
    const area = body.indicators!.safety[0]!;
    expect(area.day).toMatchObject({ n: 11, count: 9, percent: (9 / 11) * 100 });
    expect(area.dark).toMatchObject({ n: 12, count: 3, percent: 25 });
    expect(area.paired).toMatchObject({ n: 11, statistic: 7, significant: true });
  });

  it('applies filters and suppresses bases under the threshold', async () => {
    const body = (await (await analyst.get(`${url()}?ward=bablake`)).json()) as AnalysisResult;
    expect(body.n).toBe(0);
    expect(body.questions.find((q) => q.code === 'safe_day')!.options[0]).toMatchObject({ count: null, percent: null, ci95: null });
    const bad = await analyst.get(`${url()}?sex=martian`);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('\\"martian\\" is not an answer to \\"sex\\"');
  });

  it('answers a cross-tab the survey cannot make with the reason: on the dashboard, or a 422 for a download', async () => {
    const page = await analyst.get(`/staff/consultations/${consultationId}/analysis?xq=feel_safer&by=sex`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('cannot be cross-tabulated: choose a single choice, multiple choice or rating grid question');
    const download = await analyst.get(`/staff/consultations/${consultationId}/analysis/crosstab.csv?xq=safe_day&by=shoe_size`);
    expect(download.status).toBe(422);
    expect(await download.text()).toContain('There is a problem');
  });

  it('is for signed-in staff who may see the results', async () => {
    expect((await new HttpClient(server.url).get(url())).status).toBe(401);
    const viewer = new HttpClient(server.url);
    const email = (await handle().db.selectFrom('users').select('email').where('role', '=', 'viewer').executeTakeFirstOrThrow()).email;
    await viewer.signIn(email, 'a-long-analysis-password');
    // open consultation: other staff see results only after it closes
    expect((await viewer.get(url())).status).toBe(403);
  });

  it('serves the dashboard, table CSV and chart SVG', async () => {
    const page = await analyst.get(`/staff/consultations/${consultationId}/analysis?xq=safe_dark&by=sex`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Headline indicators');
    expect(html).toContain('Too small to publish');
    const csv = await (await analyst.get(`/staff/consultations/${consultationId}/analysis/questions/safe_day/table.csv`)).text();
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^"?How safe do you feel/);
    expect(lines).toContain('Answer,Code,Count,%,95% CI low,95% CI high');
    expect(lines.some((l) => /^Very safe,very_safe,6,54\.5,[0-9.]+,[0-9.]+$/.test(l))).toBe(true);
    expect(lines).toContain('"Base: all who answered, excluding don\'t know, n = 11"');
    const xlsx = await analyst.get(`/staff/consultations/${consultationId}/analysis/questions/safe_day/table.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const row = wb.worksheets[0]!.getRow(7).values as unknown[];
    expect(row.slice(1, 5)).toEqual(['Very safe', 'very_safe', 6, 54.5]);
    const xcsv = await (await analyst.get(`/staff/consultations/${consultationId}/analysis/crosstab.csv?xq=safe_day&by=sex&suppressBelow=1`)).text();
    expect(xcsv.split('\r\n')).toContain('Answer,Code,Female,Male');
    const svg = await analyst.get(`/staff/consultations/${consultationId}/analysis/questions/safe_day/chart.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const text = await svg.text();
    expect(text).toContain('role="img"');
    expect(text).toContain('<title id="chart-safe_day-title">');
  });
});
