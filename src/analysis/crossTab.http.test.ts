// The cross-tab for scripts (GET /api/v1/consultations/{id}/crosstab) and the human downloads: exact figures worked
// out by hand, the same figures as the dashboard shows rounded, and who may have them.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import type { Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';
import type { CrossTabResult } from './types.js';

const base = { safe_day: 'very_safe', safe_centre_day: 'fairly_safe', safe_centre_dark: 'very_unsafe' };
const people = (k: number, answers: Record<string, string>) => Array.from({ length: k }, () => ({ ...base, ...answers }));
// Safe after dark by sex: female 6 / 3 / 3, male 2 / 4 / 6 (very safe, fairly safe, a bit unsafe); three who preferred
// not to give their sex, all very unsafe, in a ward of their own. Pearson: expected 4, 3.5, 4.5 in each column, so
// X² = 2 x (4/4 + 0.25/3.5 + 2.25/4.5) = 22/7 on 2 df (the empty "very unsafe" row is left out), p = exp(-11/7).
const ANSWERS = [
  ...people(6, { ward: 'earlsdon', sex: 'female', safe_dark: 'very_safe' }),
  ...people(3, { ward: 'earlsdon', sex: 'female', safe_dark: 'fairly_safe' }),
  ...people(3, { ward: 'earlsdon', sex: 'female', safe_dark: 'a_bit_unsafe' }),
  ...people(2, { ward: 'whoberley', sex: 'male', safe_dark: 'very_safe' }),
  ...people(4, { ward: 'whoberley', sex: 'male', safe_dark: 'fairly_safe' }),
  ...people(6, { ward: 'whoberley', sex: 'male', safe_dark: 'a_bit_unsafe' }),
  ...people(3, { ward: 'radford', sex: 'prefer_not_to_say', safe_dark: 'very_unsafe' }),
];
const SEX_MARGINS = 'variable,value,population\nsex,Female,500\nsex,Male,500';

describeEachEngine('cross-tab API and downloads', ({ handle }) => {
  let server: TestServer;
  let consultation: Consultation;
  const staff = new Map<Role, HttpClient>();
  let otherAdmin: HttpClient;

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    const p = await buildPartnership({ db, wards: ['Earlsdon', 'Whoberley', 'Radford'] });
    consultation = await buildConsultation({ db, partnershipId: p.id, stage: 'open', title: 'Crime Survey 2027' });
    await buildResponses({ handle: handle(), consultation, answers: ANSWERS });
    for (const role of ['admin', 'analyst', 'partner', 'viewer'] as const) {
      staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    }
    otherAdmin = (await buildUser({ db, role: 'admin', partnershipId: (await buildPartnership({ db })).id, server })).client;
  });
  afterAll(() => server.close());

  const api = (query: string) => `/api/v1/consultations/${consultation.id}/crosstab?${query}`;
  const get = async (role: Role, query: string) => {
    const res = await staff.get(role)!.get(api(query));
    expect(res.status).toBe(200);
    return (await res.json()) as CrossTabResult;
  };

  it('gives every cell with full precision and the Pearson test', async () => {
    const body = await get('analyst', 'xq=safe_dark&by=sex');
    expect(body).toMatchObject({ question: 'safe_dark', by: 'sex', weighted: false, tooSmall: false, filters: {} });
    expect(body.columns.map((c) => [c.value, c.n, c.status])).toEqual([
      ['female', 12, 'small'],
      ['male', 12, 'small'],
    ]);
    expect(body.cells.map((c) => [c.row, c.column, c.count, c.percent])).toEqual([
      ['very_safe', 'female', 6, 50],
      ['very_safe', 'male', 2, (2 / 12) * 100],
      ['fairly_safe', 'female', 3, 25],
      ['fairly_safe', 'male', 4, (4 / 12) * 100],
      ['a_bit_unsafe', 'female', 3, 25],
      ['a_bit_unsafe', 'male', 6, 50],
      ['very_unsafe', 'female', 0, 0],
      ['very_unsafe', 'male', 0, 0],
    ]);
    expect(body.cells[0]).toMatchObject({ weightedPercent: null, se: null });
    expect(body.cells[0]!.ci95![0]).toBeLessThan(50);
    expect(body.test!.method).toBe('pearson');
    expect(body.test!.df).toEqual([2]);
    expect(body.test!.statistic).toBeCloseTo(22 / 7, 12);
    expect(body.test!.p).toBeCloseTo(Math.exp(-11 / 7), 12);
  });

  it('applies the filters, the suppression threshold and the weighting as the analysis does', async () => {
    const byWard = await get('analyst', 'xq=safe_dark&by=ward');
    expect(byWard.columns.map((c) => [c.value, c.n, c.status])).toEqual([
      ['earlsdon', 12, 'small'],
      ['radford', 3, 'suppressed'],
      ['whoberley', 12, 'small'],
    ]);
    expect(byWard.cells.filter((c) => c.column === 'radford').every((c) => c.count === null && c.percent === null && c.ci95 === null)).toBe(true);
    expect(byWard.test!.statistic).toBeCloseTo(22 / 7, 12);
    expect(byWard.note).toContain('Groups too small to publish are left out of the test.');
    // An analyst cannot lower the partnership's minimum; anyone can raise it, here above every group.
    expect((await get('analyst', 'xq=safe_dark&by=ward&suppressBelow=3')).rules.suppressBelow).toBe(10);
    const raised = await get('admin', 'xq=safe_dark&by=sex&suppressBelow=13');
    expect(raised).toMatchObject({ tooSmall: true, test: null });
    expect(raised.cells.every((c) => c.count === null)).toBe(true);
    const filtered = await get('analyst', 'xq=safe_dark&by=sex&ward=earlsdon&suppressBelow=10');
    expect(filtered.filters).toEqual({ ward: 'earlsdon' });
    expect(filtered.columns.map((c) => c.n)).toEqual([12, 0]);
    // Raked to sex only, so within each sex the weighted percentages are the unweighted ones.
    const weighted = await get('analyst', `xq=safe_dark&by=sex&weighted=on&margins=${encodeURIComponent(SEX_MARGINS)}`);
    expect(weighted.weighted).toBe(true);
    expect(weighted.cells[0]!.weightedPercent).toBeCloseTo(50, 9);
    expect(weighted.cells[0]!.se).toBeGreaterThan(0);
    expect(weighted.test).toMatchObject({ method: 'rao-scott' });
    expect(weighted.test!.df).toHaveLength(2);
  });

  it('says what is wrong with a question or breakdown the survey cannot cross-tabulate', async () => {
    const analyst = staff.get('analyst')!;
    for (const [query, message] of [
      ['by=sex', 'Give the question to cross-tabulate (xq)'],
      ['xq=safe_dark', 'Give the breakdown (by)'],
      ['xq=feel_safer&by=sex', '"feel_safer" cannot be cross-tabulated'],
      ['xq=safe_dark&by=shoe_size', '"shoe_size" is not a breakdown this survey supports'],
      ['xq=safe_dark&by=sex&sex=martian', '"martian" is not an answer to "sex"'],
    ] as const) {
      const res = await analyst.get(api(query));
      expect(res.status).toBe(422);
      expect(JSON.stringify(await res.json())).toContain(message.replaceAll('"', '\\"'));
    }
  });

  it('is for admins and analysts while the consultation is open; not for other staff, other partnerships or anyone signed out', async () => {
    expect((await staff.get('admin')!.get(api('xq=safe_dark&by=sex'))).status).toBe(200);
    for (const role of ['partner', 'viewer'] as const) {
      const res = await staff.get(role)!.get(api('xq=safe_dark&by=sex'));
      expect(res.status).toBe(403);
      await res.body?.cancel();
    }
    const signedOut = await new HttpClient(server.url).get(api('xq=safe_dark&by=sex'));
    expect(signedOut.status).toBe(401);
    await signedOut.body?.cancel();
    const other = await otherAdmin.get(api('xq=safe_dark&by=sex'));
    expect(other.status).toBe(403);
    expect(JSON.stringify(await other.json())).not.toContain(consultation.title);
  });

  it('agrees with the dashboard, which shows the same figures rounded', async () => {
    const body = await get('analyst', 'xq=safe_dark&by=sex');
    const html = await (await staff.get('analyst')!.get(`/staff/consultations/${consultation.id}/analysis?xq=safe_dark&by=sex`)).text();
    let at = html.indexOf('by sex: column percentages');
    expect(at).toBeGreaterThan(0);
    for (const cell of body.cells) {
      const shown = `>${cell.percent!.toFixed(1)}%`;
      at = html.indexOf(shown, at);
      expect(at, `${cell.row} ${cell.column} ${shown}`).toBeGreaterThan(0);
    }
    expect(html).toContain(`Pearson chi-square = ${body.test!.statistic.toFixed(2)}, df = 2, p = ${body.test!.p.toFixed(3)}`);
  });

  it('downloads the cross-tab as on screen: answers down, groups across, rounded, with title, base and source', async () => {
    const at = `/staff/consultations/${consultation.id}/analysis`;
    const csv = await (await staff.get('analyst')!.get(`${at}/crosstab.csv?xq=safe_dark&by=sex`)).text();
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^"?How safe do you feel .*after dark\?"? by sex$/);
    expect(lines).toContain('All 27 respondents.');
    expect(lines).toContain('Answer,Code,Female,Male');
    expect(lines).toContain('Base (respondents),,12,12');
    expect(lines).toContain('Very safe,very_safe,50.0,16.7');
    expect(lines).toContain('Fairly safe,fairly_safe,25.0,33.3');
    expect(lines).toContain('Very safe,very_safe,6,2');
    expect(lines.some((l) => l.startsWith('"Pearson chi-square = 3.14, df = 2, p = 0.208: no statistically significant difference'))).toBe(true);
    expect(lines.some((l) => l.startsWith('"Source: ') && l.includes('Crime Survey 2027'))).toBe(true);

    const xlsx = await staff.get('analyst')!.get(`${at}/crosstab.xlsx?xq=safe_dark&by=sex`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    const headerRow = ws.getRow(6);
    expect(headerRow.values).toEqual([undefined, 'Answer', 'Code', 'Female', 'Male']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 6 });
    const veryMale = ws.getRow(9).getCell(4);
    expect([ws.getRow(9).getCell(1).value, veryMale.value, veryMale.numFmt]).toEqual(['Very safe', 16.7, '0.0']);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual('Base (respondents)'.length);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(60);
  });

  it("downloads a question's table with labels and codes, percentages rounded to one place", async () => {
    const json = await get('analyst', 'xq=safe_dark&by=sex');
    expect(json.rows[0]).toEqual({ value: 'very_safe', label: 'Very safe' });
    const analysis = (await (await staff.get('analyst')!.get(`/api/v1/consultations/${consultation.id}/analysis`)).json()) as {
      questions: { code: string; options: { percent: number; ci95: [number, number] }[] }[];
    };
    const veryDark = analysis.questions.find((q) => q.code === 'safe_dark')!.options[0]!;
    const csv = await (await staff.get('analyst')!.get(`/staff/consultations/${consultation.id}/analysis/questions/safe_dark/table.csv`)).text();
    const lines = csv.split('\r\n');
    expect(lines).toContain('Answer,Code,Count,%,95% CI low,95% CI high');
    expect(lines).toContain(`Very safe,very_safe,8,${veryDark.percent.toFixed(1)},${veryDark.ci95[0].toFixed(1)},${veryDark.ci95[1].toFixed(1)}`);
    expect(lines).toContain('"Base: all who answered, excluding don\'t know, n = 27"');
  });
});
