// Small-number suppression (review M3): the partnership sets the minimum, only an admin may go under it (never under 3).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';
import type { Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';
import type { AnalysisResult } from './types.js';

const ONE_PERSON = 'ward=earlsdon&age_band=age_75_plus&sex=female';
const base = { safe_day: 'very_safe', safe_dark: 'a_bit_unsafe', safe_centre_day: 'fairly_safe', safe_centre_dark: 'very_unsafe' };

describeEachEngine('small-number suppression', ({ handle, target }) => {
  let server: TestServer;
  let consultation: Consultation;
  const staff = new Map<Role, HttpClient>();

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    const p = await buildPartnership({ db, wards: ['Earlsdon', 'Whoberley'] });
    consultation = await buildConsultation({ db, partnershipId: p.id, stage: 'closed', resultsVisibility: 'after_close' });
    // The one woman aged 75 or over in Earlsdon, who was a victim, among eleven men in Whoberley who were not.
    await buildResponses({
      handle: handle(),
      consultation,
      answers: [
        { ...base, ward: 'earlsdon', age_band: 'age_75_plus', sex: 'female', victim: 'yes', victim_reported: 'no' },
        ...Array.from({ length: 11 }, () => ({ ...base, ward: 'whoberley', age_band: 'age_25_34', sex: 'male', victim: 'no' })),
      ],
    });
    for (const role of ['admin', 'analyst', 'partner', 'viewer'] as const) {
      staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    }
  });
  afterAll(() => server.close());

  const analysisAs = async (role: Role, query: string) => {
    const res = await staff.get(role)!.get(`/api/v1/consultations/${consultation.id}/analysis?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as AnalysisResult;
  };
  const victim = (r: AnalysisResult) => r.questions.find((q) => q.code === 'victim')!;

  it("keeps a partner's suppressBelow=0 at the partnership minimum: the one respondent's answer stays hidden", async () => {
    const body = await analysisAs('partner', `${ONE_PERSON}&suppressBelow=0`);
    expect(body.n).toBe(1);
    expect(body.rules.suppressBelow).toBe(10);
    expect(victim(body).base.suppressed).toBe(true);
    expect(victim(body).options.map((o) => o.count)).toEqual([null, null]);
    expect(body.indicators!.victimisation!.rate).toMatchObject({ count: null, percent: null });
  });

  it('lets an admin lower it, never below 3, and anyone raise it', async () => {
    expect((await analysisAs('admin', `${ONE_PERSON}&suppressBelow=0`)).rules.suppressBelow).toBe(3);
    expect(victim(await analysisAs('admin', `${ONE_PERSON}&suppressBelow=0`)).options.map((o) => o.count)).toEqual([null, null]);
    expect((await analysisAs('admin', 'suppressBelow=5')).rules.suppressBelow).toBe(5);
    expect((await analysisAs('analyst', 'suppressBelow=5')).rules.suppressBelow).toBe(10);
    expect((await analysisAs('viewer', 'suppressBelow=20')).rules.suppressBelow).toBe(20);
    expect((await analysisAs('viewer', '')).rules.suppressBelow).toBe(10);
  });

  it('applies the same threshold to the dashboard and every download', async () => {
    const partner = staff.get('partner')!;
    const at = `/staff/consultations/${consultation.id}/analysis`;
    const page = await (await partner.get(`${at}?${ONE_PERSON}&suppressBelow=0`)).text();
    expect(page).toContain('fewer than 10 respondents in the base');
    const csv = await (await partner.get(`${at}/questions/victim/table.csv?${ONE_PERSON}&suppressBelow=0`)).text();
    expect(csv.split('\r\n')).toContain('Yes,yes,Too small to publish,,,');
    const xlsx = await partner.get(`${at}/questions/victim/table.xlsx?${ONE_PERSON}&suppressBelow=0`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets[0]!.getRow(7).values).toContain('Too small to publish');
    const xtab = await (await partner.get(`${at}/crosstab.csv?xq=victim&by=sex&suppressBelow=0`)).text();
    // The one woman (a victim) is hidden; the eleven men (none a victim) are shown.
    expect(xtab.split('\r\n')).toEqual(
      expect.arrayContaining(['Yes,yes,Too small to publish,0.0', 'No,no,Too small to publish,100.0', 'Yes,yes,Too small to publish,0']),
    );
    const svg = await (await partner.get(`${at}/questions/victim/chart.svg?${ONE_PERSON}&suppressBelow=0`)).text();
    expect(svg).not.toContain('100');
  });

  it("follows the partnership's minimum once an admin changes it", async () => {
    const admin = staff.get('admin')!;
    const settings = `/staff/partnerships/${consultation.partnershipId}/settings`;
    const csrf = await admin.csrfFrom(settings);
    expect((await admin.postForm(settings, { _csrf: csrf, suppressionMinimum: '12' })).status).toBe(303);
    expect((await analysisAs('partner', 'suppressBelow=0')).rules.suppressBelow).toBe(12);
    expect((await analysisAs('admin', 'suppressBelow=4')).rules.suppressBelow).toBe(4);
    expect((await admin.postForm(settings, { _csrf: csrf, suppressionMinimum: '10' })).status).toBe(303);
  });

  it('has the command line apply the minimum unless it is given 3 or more, and refuse less', async () => {
    const cli = (...args: string[]) => runCli(['--db', target(), 'analyse', consultation.id, '--filter', 'ward=earlsdon', ...args]);
    const fallback = await cli();
    expect(fallback.stderr).toBe('');
    expect(JSON.parse(fallback.stdout).rules.suppressBelow).toBe(10);
    expect(JSON.parse((await cli('--suppress-below', '3')).stdout).rules.suppressBelow).toBe(3);
    const refused = await cli('--suppress-below', '0');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--suppress-below must be a whole number of 3 or more');
    expect(refused.stdout).toBe('');
  });
});
