// Reports of the demo partnership made through the staff pages, checked against the data they come from: the
// committee note as PDF (text extracted) and DOCX (read back by mammoth), the officer's wording kept between
// regenerations, the findings appendix as XLSX, the plan document telling a changed figure from a current one; who may
// make them; bad requests; and the public results and plan pages once the survey is published.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import type { HttpClient, TestServer } from '../../test-support/httpClient.js';
import { startTestServer } from '../../test-support/httpClient.js';
import { pdfText } from '../../test-support/pdfText.js';
import { ROLES } from '../accounts/roles.js';
import { changeConsultationStage } from '../consultations/index.js';
import { loadDemo } from '../demo/loadDemo.js';
import { cliActor } from '../platform/recordAudit.js';
import { responseCounts } from '../responses/index.js';

const squeezed = (s: string) => s.replace(/\s+/g, '');

describeEachEngine('reports', ({ handle }) => {
  let server: TestServer;
  let id: string;
  let crimeSurveyId: string;
  const base = () => `/staff/partnerships/${id}/reports`;
  const clients = new Map<string, HttpClient>();
  const client = (role: string) => clients.get(role) as HttpClient;

  beforeAll(async () => {
    const demo = await loadDemo(handle(), cliActor());
    id = demo.partnershipId;
    crimeSurveyId = (demo.consultations as { crimeSurveyId: string }).crimeSurveyId;
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    for (const role of ROLES) clients.set(role, (await buildUser({ db: handle().db, role, partnershipId: id, server })).client);
  }, 180_000);
  afterAll(() => server.close());

  /** Makes a report through the form, follows its progress page until it is ready, and downloads it. */
  async function make(role: string, form: Record<string, string>): Promise<{ bytes: Uint8Array; type: string; name: string }> {
    const c = client(role);
    const made = await c.postForm(`${base()}/runs`, { _csrf: await c.csrfFrom(base()), ...form });
    expect(made.status).toBe(303);
    const runPage = made.headers.get('location') as string;
    for (let i = 0; i < 120; i++) {
      const html = await (await c.get(runPage)).text();
      if (html.includes('Download ')) break;
      expect(html).not.toContain('The report was not made');
      await new Promise((r) => setTimeout(r, 250));
    }
    const file = await c.get(`${runPage}/file`);
    expect(file.status).toBe(200);
    return {
      bytes: new Uint8Array(await file.arrayBuffer()),
      type: file.headers.get('content-type') ?? '',
      name: /filename="([^"]+)"/.exec(file.headers.get('content-disposition') ?? '')?.[1] ?? '',
    };
  }

  it('lets admins and analysts make reports and no other role', async () => {
    for (const role of ROLES) {
      const page = await client(role).get(base());
      expect(page.status, role).toBe(role === 'admin' || role === 'analyst' ? 200 : 403);
    }
    const partner = client('partner');
    expect((await partner.postForm(`${base()}/runs`, { _csrf: await partner.csrfFrom('/staff'), kind: 'committee', format: 'html' })).status).toBe(
      403,
    );
    const outsider = await buildUser({ db: handle().db, role: 'admin', server });
    expect((await outsider.client.get(base())).status).toBe(403);
  });

  it('makes the committee note as a PDF whose numbers are the data’s, in the seed’s sections', async () => {
    const { bytes, type, name } = await make('analyst', { kind: 'committee', format: 'pdf', consultation: crimeSurveyId });
    expect(type).toBe('application/pdf');
    expect(name).toMatch(/^results-of-community-safety-crime-survey-2024.*\.pdf$/);
    // Lines of a paragraph come out joined without a space: compare text without any.
    const text = squeezed((await pdfText(bytes)).text);
    const has = (s: string) => expect(text, s).toContain(squeezed(s));
    const total = (await responseCounts(handle().db, id, crimeSurveyId)).total;
    expect(total).toBe(696);
    has(`A total of ${total} responses were received to "Community Safety Crime Survey 2024" between 10 July 2024 and 2 October 2024.`);
    for (const section of [
      '1 Purpose of the Note',
      '2 Recommendations',
      '3 Information and Background',
      '4 Findings of the public consultation',
      '5 Partnership consultation',
      '6 Key Themes',
      '7 Next Steps',
      '8 Health Inequalities Impact',
      'Appendix 1: Police and Crime Commissioner priorities',
      'Appendix 2: Stakeholders',
      'Appendix 3: Survey for Members',
    ])
      has(section);
    has('The top concerns are fly-tipping (56.7%), anti-social behaviour (48.6%)');
    has('Base: all who chose at least one option, n = 646');
    has('Fly-tipping 57% 366');
    has('Protect vulnerable people from exploitation Victim workshop: protecting vulnerable people 9');
    has('Youth violence and knife crime');
    has('Reduction of offending, re-offending and serious organised crime: Disrupt drug dealing');
    expect(text).toMatch(/Page1of\d+/);
  });

  it('keeps the officer’s wording when the note is made again, as a Word document with real headings and tables', async () => {
    const page = `${base()}/committee/${crimeSurveyId}/narrative`;
    const analyst = client('analyst');
    const tooLong = await analyst.postForm(page, { _csrf: await analyst.csrfFrom(page), purpose: 'x'.repeat(20_001) });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('Keep this section to 20,000 characters');
    const saved = await analyst.postForm(page, {
      _csrf: await analyst.csrfFrom(page),
      to: 'Scrutiny Co-ordination Committee',
      date: '18 December 2024',
      purpose: 'To update the committee on the consultation.\n\nAnd to ask for its views.',
      author: 'Joy Adams, CCTV and Community Safety Manager',
    });
    expect(saved.status).toBe(303);
    const { bytes } = await make('admin', { kind: 'committee', format: 'docx', consultation: crimeSurveyId });
    const buffer = Buffer.from(bytes);
    const raw = (await mammoth.extractRawText({ buffer })).value;
    expect(raw).toContain('To update the committee on the consultation.');
    expect(raw).toContain('And to ask for its views.');
    expect(raw).toContain('Joy Adams, CCTV and Community Safety Manager');
    expect(raw).toContain('18 December 2024');
    expect(raw).toContain('A total of 696 responses were received');
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html).toContain('<h1>1 Purpose of the Note</h1>');
    expect(html).toMatch(/<table>.*Fly-tipping.*57%.*366/s);
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);
  });

  it('makes the findings appendix as XLSX, every question a row of data, text never a formula', async () => {
    const { bytes, type } = await make('analyst', { kind: 'findings', format: 'xlsx', consultation: crimeSurveyId });
    expect(type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('All questions');
    expect(sheet).toBeDefined();
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual(['Question', 'Answer', 'Respondents', 'Percent', 'Base']);
    const concern = rows.find((r) => r[1] === 'Which of these concern you most in your area?' && r[2] === 'Fly-tipping');
    expect(concern?.slice(3)).toEqual([366, 56.7, 646]);
  });

  it('shows a changed figure in the plan document as changed, never as current', async () => {
    const before = new TextDecoder().decode((await make('analyst', { kind: 'plan', format: 'html' })).bytes);
    expect(before).toContain('Name fly-tipping among their top concerns (Community Safety Crime Survey 2024): 56.7% (n = 646)');
    expect(before).not.toContain('Changed since it was linked');
    // One candidate priority's votes move: the linked figure is no longer the one the officer saw.
    await handle()
      .db.updateTable('plan_evidence')
      .set({ linked_value: '50.0% (n = 600)' })
      .where('partnership_id', '=', id)
      .where('label', 'like', '%fly-tipping among%')
      .execute();
    const after = new TextDecoder().decode((await make('analyst', { kind: 'plan', format: 'html' })).bytes);
    expect(after).toContain('Changed since it was linked on');
    expect(after).toContain('now 56.7% (n = 646), was 50.0% (n = 600)');
    expect(after).toContain('Approved by Cabinet on 18 March 2025');
  });

  it('refuses a report it cannot make, naming what is wrong, and finds no other partnership’s report', async () => {
    const analyst = client('analyst');
    const bad = await analyst.postForm(`${base()}/runs`, { _csrf: await analyst.csrfFrom(base()), kind: 'gossip', format: 'pdf' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose which report to make');
    const unknown = await analyst.postForm(`${base()}/runs`, {
      _csrf: await analyst.csrfFrom(base()),
      kind: 'findings',
      format: 'html',
      consultation: 'no-such',
    });
    const failed = await (await analyst.get(unknown.headers.get('location') as string)).text();
    expect(failed).toMatch(/The report was not made|Being made/);
    expect((await analyst.get(`${base()}/runs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('publishes the results with what the plan does about them, and the plan’s progress, to the public', async () => {
    const anonymous = new (client('viewer').constructor as new (url: string) => HttpClient)(server.url);
    const slug = (await handle().db.selectFrom('partnerships').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    const cslug = (await handle().db.selectFrom('consultations').select('slug').where('id', '=', crimeSurveyId).executeTakeFirstOrThrow()).slug;
    expect((await anonymous.get(`/p/${slug}/${cslug}/results`)).status).toBe(404);
    await changeConsultationStage({ db: handle().db, actor: cliActor(), partnershipId: id, consultationId: crimeSurveyId, action: 'publish' });
    const page = await anonymous.get(`/p/${slug}/${cslug}/results`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('57% of you named fly-tipping among your top concerns.');
    expect(html).toContain('Tackle fly-tipping and environmental anti-social behaviour');
    expect(html).toContain('CCTV and enforcement at repeat fly-tipping sites (led by Coventry City Council Streetpride; complete, 100% done)');
    expect(html).toContain('Base: all who chose at least one option, n = 646');
    expect(await (await anonymous.get(`/p/${slug}/${cslug}`)).text()).toContain('See the results and what the partnership is doing about them');
    const docx = await anonymous.get(`/p/${slug}/${cslug}/results.docx`);
    expect(docx.status).toBe(200);
    expect((await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value).toContain('You said, we did');
    const plan = await (await anonymous.get(`/p/${slug}/plan`)).text();
    expect(plan).toContain('Approved by Cabinet on 18 March 2025.');
    expect(plan).toContain('Joint disruption days in the areas with most recorded drug offences');
    expect((await anonymous.get(`/p/${slug}/${cslug}/results.exe`)).status).toBeGreaterThanOrEqual(400);
  });
});
