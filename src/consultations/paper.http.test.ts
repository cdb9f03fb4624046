// The paper questionnaire of a survey: the printable page, its PDF (text read back with pdf.js), and the key-in order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { pdfText } from '../../test-support/pdfText.js';
import { ROLES, type Role } from '../accounts/roles.js';
import { cliActor } from '../platform/recordAudit.js';
import { saveStatement } from '../statements/index.js';
import type { Consultation } from './index.js';
import { loadSurveyDefinition } from './index.js';

/** The question codes a page's form fields answer, in order: radios and boxes by name, ranks and date boxes by their question. */
const keyInOrder = (html: string) => [
  ...new Set(
    [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([a-z][a-z0-9_]*?)(?:__\d+|-day|-month|-year)?"/g)]
      .map((m) => m[1] ?? '')
      .filter((name) => !name.startsWith('_')),
  ),
];
/** The codes of the paper form's questions and grid rows, in the order they are printed. */
const paperCodes = (html: string) => [...html.matchAll(/data-code="([a-z0-9_]+)"/g)].map((m) => m[1] ?? '');

describeEachEngine('the paper questionnaire', ({ handle }) => {
  let server: TestServer;
  let noChromium: TestServer;
  let p: BuiltPartnership;
  let crime: Consultation;
  let members: Consultation;
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const paper = (c: Consultation) => `/staff/consultations/${c.id}/paper`;

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0, publicUrl: 'https://safety.example.gov.uk' });
    noChromium = await startTestServer(handle(), { signInRateLimit: 0, chromiumPath: '/nonexistent/chromium' });
    p = await buildPartnership({ db, name: 'Papershire Community Safety Partnership', wards: ['Abbey Fields', 'Bramble Hill'] });
    crime = await buildConsultation({ db, partnershipId: p.id, stage: 'open', title: 'Papershire Crime Survey 2027', closes: '2027-10-02' });
    members = await buildConsultation({ db, partnershipId: p.id, template: 'members-survey', title: 'Papershire members survey' });
    await saveStatement({
      db,
      actor: cliActor(),
      partnershipId: p.id,
      kind: 'privacy',
      fields: {
        controllerName: 'Papershire District Council',
        controllerAddress: 'Freepost PAPERSHIRE SAFETY\nCouncil House, Papershire, PA1 1PA',
        controllerEmail: '',
        dpoName: 'Data Protection Officer',
        dpoEmail: '',
        lawfulBasis: 'Article 6(1)(e) public task.',
        specialCategoryBasis: 'Article 9(2)(g).',
        retention: 'Two years.',
        recipients: 'The community safety team.',
      },
    });
    for (const role of ROLES) staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    adminOfOther = (await buildUser({ db, role: 'admin', server })).client;
  });
  afterAll(async () => {
    await server.close();
    await noChromium.close();
  });

  it('prints every question in order with its number, tick boxes, option codes, title, privacy, return address and closing date', async () => {
    const res = await staff.get('analyst')!.get(paper(crime));
    expect(res.status).toBe(200);
    const html = await res.text();
    const definition = await loadSurveyDefinition(handle().db, crime, crime.surveyVersion);
    const questions = definition.pages.flatMap((page) => page.questions);
    questions.forEach((q, i) => {
      expect(html).toContain(`<span class="app-paper-number">${i + 1}.</span> ${q.label.replace(/'/g, '&#39;')}`);
    });
    for (const text of [
      '<h1 class="govuk-heading-l">Papershire Crime Survey 2027</h1>',
      'Closing date: 2 October 2027',
      'Please return your completed form by 2 October 2027',
      'Freepost PAPERSHIRE SAFETY\nCouncil House, Papershire, PA1 1PA',
      'You can also answer online at https://safety.example.gov.uk/p/papershire-community-safety-partnership/papershire-crime-survey-2027',
      crime.privacyNotice,
      'Papershire District Council is responsible for your answers (the data controller).',
      'https://safety.example.gov.uk/p/papershire-community-safety-partnership/papershire-crime-survey-2027/privacy',
      'Abbey Fields <span class="app-paper-code">abbey-fields</span>',
      'Very safe <span class="app-paper-code">very_safe</span>',
      'Tick one box in each row.',
      'Write your answer on the lines.',
      'class="app-paper-line"',
      'Answer this only if you answered “Yes” to question',
      'href="/staff/consultations/',
    ])
      expect(html).toContain(text);
    expect(html).toContain(`href="${paper(crime)}.pdf"`);
  });

  it('asks the questions in the order of the staff key-in form, for every question type', async () => {
    for (const c of [crime, members]) {
      const printed = paperCodes(await (await staff.get('admin')!.get(paper(c))).text());
      const keyIn = keyInOrder(await (await staff.get('admin')!.get(`/staff/consultations/${c.id}/responses/new`)).text());
      expect(keyIn.length).toBeGreaterThan(2);
      // Grid questions are printed under their own heading, then answered row by row: the rows are what is keyed in.
      expect(printed.filter((code) => keyIn.includes(code))).toEqual(keyIn);
      const definition = await loadSurveyDefinition(handle().db, c, c.surveyVersion);
      const gridCodes = definition.pages.flatMap((page) => page.questions.filter((q) => q.type === 'rating_grid').map((q) => q.code));
      expect(printed.filter((code) => !keyIn.includes(code))).toEqual(gridCodes);
    }
  });

  it('makes a PDF with the same title, questions, options and codes', async () => {
    const res = await staff.get('viewer')!.get(`${paper(crime)}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="papershire-crime-survey-2027-paper-questionnaire.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(2);
    const definition = await loadSurveyDefinition(handle().db, crime, crime.surveyVersion);
    const first = definition.pages[0]?.questions[0];
    for (const expected of [
      'Papershire Crime Survey 2027',
      'Closing date: 2 October 2027',
      'Papershire District Council is responsible for your answers',
      `1. ${first?.label} [${first?.code}]`,
      'Female female',
      'Fly-tipping fly_tipping',
      'Answer this only if you answered “Yes” to question 8.',
      'Abbey Fields abbey-fields',
      'Tick one box in each row.',
      'For office use: reference',
      'Page 1 of',
    ])
      expect(text).toContain(expected);
  }, 60_000);

  it('says plainly when Chromium is missing, and still shows the printable page', async () => {
    const admin = (await buildUser({ db: handle().db, role: 'admin', partnershipId: p.id, server: noChromium })).client;
    const res = await admin.get(`${paper(crime)}.pdf`);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain('PDFs are made with Chromium, which was not found at /nonexistent/chromium.');
    expect(html).toContain('apt-get install chromium fonts-liberation');
    expect(html).toContain('The printable page below works without it');
    expect(html).toContain('<h1 class="govuk-heading-l">Papershire Crime Survey 2027</h1>');
  });

  it('is for this partnership’s staff, every role, drafts included', async () => {
    for (const role of ROLES) {
      const res = await staff.get(role)!.get(paper(members));
      expect([role, res.status]).toEqual([role, 200]);
      await res.text();
    }
    for (const path of [paper(crime), `${paper(crime)}.pdf`]) {
      const anonymous = await new HttpClient(server.url).get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toContain('/sign-in');
      await anonymous.text();
      const other = await adminOfOther.get(path);
      expect(other.status).toBe(403);
      expect(await other.text()).not.toContain('Papershire Crime Survey 2027');
    }
    const unknown = await staff.get('admin')!.get('/staff/consultations/no-such-id/paper');
    expect(unknown.status).toBe(404);
    await unknown.text();
  });
});
