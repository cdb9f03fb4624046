// Each partnership's accessibility statement and privacy notice: the defaults, the admins' forms, the public pages.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES, type Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';
import { longDate } from './fields.js';

const ACCESSIBILITY_FORM = {
  websiteName: 'Testshire safety consultations',
  complianceStatus: 'full',
  knownIssues: '',
  disproportionateBurden: '',
  outOfScope: '',
  contactEmail: 'Access@Testshire.example',
  contactPhone: '01234 567890',
  contactAddress: '',
  responseDays: '7',
  enforcementBody: 'ehrc',
  improvements: 'We review the site every quarter.',
  'testedOn-day': '3',
  'testedOn-month': '11',
  'testedOn-year': '2026',
  testedBy: 'the council’s digital team',
  'preparedOn-day': '1',
  'preparedOn-month': '10',
  'preparedOn-year': '2026',
  'reviewedOn-day': '20',
  'reviewedOn-month': '11',
  'reviewedOn-year': '2026',
};

const PRIVACY_FORM = {
  controllerName: 'Testshire County Council',
  controllerEmail: 'privacy@testshire.example',
  controllerAddress: 'County Hall, Testshire, TE1 1ST',
  dpoName: 'Jo Bloggs, Data Protection Officer',
  dpoEmail: 'dpo@testshire.example',
  lawfulBasis: 'UK GDPR Article 6(1)(e): public task under the Crime and Disorder Act 1998.',
  specialCategoryBasis: 'UK GDPR Article 9(2)(g), with the Data Protection Act 2018, Schedule 1, paragraph 8.',
  retention: 'Three years after the consultation closes.',
  recipients: 'The community safety team only.',
};

describeEachEngine('partnership statements', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  let open: Consultation;
  let draft: Consultation;
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const editPaths = () => [`/staff/partnerships/${p.id}/accessibility-statement`, `/staff/partnerships/${p.id}/privacy-notice`];
  const stored = async () =>
    handle().db.selectFrom('partnership_statements').select(['kind', 'content']).where('partnership_id', '=', p.id).orderBy('kind').execute();
  const audited = async () =>
    (
      await handle()
        .db.selectFrom('audit_log')
        .select(['detail', 'actor_label'])
        .where('partnership_id', '=', p.id)
        .where('action', '=', 'statement.update')
        .orderBy('at')
        .execute()
    ).map((e) => JSON.parse(e.detail));
  const page = async (path: string) => {
    const res = await new HttpClient(server.url).get(path);
    return { status: res.status, html: await res.text() };
  };
  const post = async (client: HttpClient, path: string, form: Record<string, string>) =>
    client.postForm(path, { _csrf: await client.csrfFrom(path), ...form });

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db, name: 'Testshire Community Safety Partnership' });
    open = await buildConsultation({ db, partnershipId: p.id, stage: 'open', title: 'Testshire crime survey' });
    draft = await buildConsultation({ db, partnershipId: p.id, title: 'Testshire draft' });
    for (const role of ROLES) staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    adminOfOther = (await buildUser({ db, role: 'admin', server })).client;
  });
  afterAll(() => server.close());

  it('gives a new partnership a default accessibility statement in the public-sector model', async () => {
    const created = await handle().db.selectFrom('partnerships').select('created_at').where('id', '=', p.id).executeTakeFirstOrThrow();
    const { status, html } = await page(`/p/${p.slug}/accessibility`);
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="govuk-heading-l">Accessibility statement for Testshire Community Safety Partnership consultations</h1>');
    for (const heading of [
      'How accessible this website is',
      'Feedback and contact information',
      'Reporting accessibility problems with this website',
      'Enforcement procedure',
      'Compliance status',
      'Non-accessible content',
      'Preparation of this accessibility statement',
    ])
      expect(html).toContain(`>${heading}</h`);
    expect(html).toContain('is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard');
    expect(html).toContain('The Equality and Human Rights Commission (EHRC) is responsible for enforcing');
    expect(html).toContain('Equality Advisory and Support Service (EASS)');
    const day = longDate(created.created_at.slice(0, 10));
    expect(html).toContain(`This statement was prepared on ${day}. It was last reviewed on ${day}.`);
    expect(html).toContain('If you need information on this website in a different format');
    expect(html).toContain('get back to you in 10 working days');
    expect(await stored()).toEqual([]);
  });

  it('names the Equality Commission for Northern Ireland for a partnership in Northern Ireland', async () => {
    const ni = await buildPartnership({ db: handle().db, name: 'Belfast Policing and Community Safety Partnership', areaCode: 'N09000003' });
    const { html } = await page(`/p/${ni.slug}/accessibility`);
    expect(html).toContain('The Equality Commission for Northern Ireland (ECNI) is responsible for enforcing');
    expect(html).not.toContain('EHRC');
  });

  it('gives a new partnership a default privacy notice naming the controller, legal bases, retention, recipients and rights', async () => {
    const { status, html } = await page(`/p/${p.slug}/privacy`);
    expect(status).toBe(200);
    for (const text of [
      '<h1 class="govuk-heading-l">Privacy notice</h1>',
      'Testshire Community Safety Partnership is the data controller',
      'Data Protection Officer',
      'UK GDPR Article 6(1)(e), public task',
      'UK GDPR Article 9(2)(g)',
      'We keep individual responses for 2 years after the consultation closes',
      'The community safety team of Testshire Community Safety Partnership reads the answers.',
      'to ask for a copy of the information we hold about you',
      'Information Commissioner’s Office (ICO)',
      '0303 123 1113',
      'saferplan.sid',
    ])
      expect(html).toContain(text);
  });

  it('lets an admin edit the accessibility statement: saved, audited and shown to the public', async () => {
    const admin = staff.get('admin')!;
    const form = await admin.get(editPaths()[0] ?? '');
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toMatch(/name="websiteName"[^>]*value="Testshire Community Safety Partnership consultations"/);
    expect(formHtml).toMatch(/value="partial" checked/);
    const saved = await post(admin, editPaths()[0] ?? '', ACCESSIBILITY_FORM);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${editPaths()[0]}?saved=1`);
    expect(await (await admin.get(`${editPaths()[0]}?saved=1`)).text()).toContain('The accessibility statement was saved.');

    const { html } = await page(`/p/${p.slug}/accessibility`);
    for (const text of [
      'Accessibility statement for Testshire safety consultations',
      'href="mailto:access@testshire.example"',
      'Telephone: 01234 567890',
      'get back to you in 7 working days',
      'We are not aware of any part of this website that is not accessible.',
      'This statement was prepared on 1 October 2026. It was last reviewed on 20 November 2026.',
      'This website was last tested on 3 November 2026. The test was carried out by the council’s digital team.',
      'We review the site every quarter.',
    ])
      expect(html).toContain(text);

    const [entry] = await audited();
    expect(entry).toEqual({
      statement: 'accessibility',
      changed: [
        'websiteName',
        'complianceStatus',
        'knownIssues',
        'outOfScope',
        'contactEmail',
        'contactPhone',
        'responseDays',
        'improvements',
        'testedOn',
        'testedBy',
        'preparedOn',
        'reviewedOn',
      ],
    });
  });

  it('refuses bad input naming each problem, keeps what was typed and changes nothing', async () => {
    const admin = staff.get('admin')!;
    const before = await stored();
    const auditsBefore = (await audited()).length;
    const res = await post(admin, editPaths()[0] ?? '', {
      ...ACCESSIBILITY_FORM,
      websiteName: ' ',
      contactEmail: 'not-an-email',
      responseDays: '0',
      'reviewedOn-day': '31',
      'reviewedOn-month': '2',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const text of [
      'There is a problem',
      'Enter the name of the website',
      'Enter the contact email address in the correct format, like access@example.gov.uk',
      'The number of working days must be between 1 and 60',
      'Enter the date this statement was last reviewed as a real date, like 27 3 2026',
    ])
      expect(html).toContain(text);
    expect(html).toMatch(/name="contactEmail"[^>]*value="not-an-email"/);
    expect(html).toMatch(/name="reviewedOn-day"[^>]*value="31"/);
    expect(await stored()).toEqual(before);
    expect((await audited()).length).toBe(auditsBefore);

    const privacy = await post(admin, editPaths()[1] ?? '', { ...PRIVACY_FORM, controllerName: '', dpoEmail: 'dpo at testshire' });
    expect(privacy.status).toBe(422);
    const privacyHtml = await privacy.text();
    expect(privacyHtml).toContain('Enter the name of the data controller');
    expect(privacyHtml).toContain('Enter the Data Protection Officer’s email address in the correct format');
    expect(await stored()).toEqual(before);
  });

  it('lets an admin edit the privacy notice, shown with each consultation’s own privacy text', async () => {
    const admin = staff.get('admin')!;
    expect((await post(admin, editPaths()[1] ?? '', PRIVACY_FORM)).status).toBe(303);
    const { html } = await page(`/p/${p.slug}/privacy`);
    expect(html).toContain('Testshire County Council is the data controller');
    expect(html).toContain('href="mailto:privacy@testshire.example"');
    expect(html).toContain('Post: County Hall, Testshire, TE1 1ST');
    expect(html).toContain('Jo Bloggs, Data Protection Officer');
    expect(html).toContain('Three years after the consultation closes.');
    expect(html).not.toContain('About this consultation');

    const consultation = await page(`/p/${p.slug}/${open.slug}/privacy`);
    expect(consultation.status).toBe(200);
    expect(consultation.html).toContain('Privacy notice: Testshire crime survey');
    expect(consultation.html).toContain('About this consultation');
    expect(consultation.html).toContain(open.privacyNotice);
    expect(consultation.html).toContain('Testshire County Council is the data controller');
    expect((await page(`/p/${p.slug}/${open.slug}`)).html).toContain(`href="/p/${p.slug}/${open.slug}/privacy"`);
    expect((await page(`/p/${p.slug}/${draft.slug}/privacy`)).status).toBe(404);
    expect((await page(`/p/no-such-partnership/privacy`)).status).toBe(404);
    expect((await audited()).at(-1)).toEqual({
      statement: 'privacy',
      changed: [
        'controllerName',
        'controllerAddress',
        'controllerEmail',
        'dpoName',
        'dpoEmail',
        'lawfulBasis',
        'specialCategoryBasis',
        'retention',
        'recipients',
      ],
    });
  });

  it('links each partnership’s pages to its own statements, and lists every partnership’s on the site pages', async () => {
    const hub = await page(`/p/${p.slug}`);
    expect(hub.html).toContain(`href="/p/${p.slug}/accessibility"`);
    expect(hub.html).toContain(`href="/p/${p.slug}/privacy"`);
    const site = await page('/accessibility');
    expect(site.status).toBe(200);
    expect(site.html).toContain(`href="/p/${p.slug}/accessibility"`);
    expect((await page('/privacy')).html).toContain(`href="/p/${p.slug}/privacy"`);
  });

  it('is edited by the admins of this partnership only', async () => {
    const before = await stored();
    for (const path of editPaths()) {
      for (const role of ROLES) {
        const client = staff.get(role)!;
        const allowed = role === 'admin';
        const got = await client.get(path);
        expect([path, role, got.status]).toEqual([path, role, allowed ? 200 : 403]);
        await got.text();
        if (allowed) continue;
        const csrf = await client.csrfFrom('/staff');
        const posted = await client.postForm(path, { _csrf: csrf, ...PRIVACY_FORM, ...ACCESSIBILITY_FORM });
        expect([path, role, posted.status]).toEqual([path, role, 403]);
      }
      const anonymous = new HttpClient(server.url);
      const got = await anonymous.get(path);
      expect(got.status).toBe(303);
      expect(got.headers.get('location')).toContain('/sign-in');
      const csrf = await anonymous.csrfFrom('/sign-in');
      expect((await anonymous.postForm(path, { _csrf: csrf, ...PRIVACY_FORM })).status).toBe(401);
      expect((await adminOfOther.get(path)).status).toBe(403);
      const otherCsrf = await adminOfOther.csrfFrom('/staff');
      expect((await adminOfOther.postForm(path, { _csrf: otherCsrf, ...PRIVACY_FORM, ...ACCESSIBILITY_FORM })).status).toBe(403);
    }
    expect(await stored()).toEqual(before);
  });
});
