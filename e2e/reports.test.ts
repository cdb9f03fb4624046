// Reports in Chromium with JavaScript off: an analyst makes the committee note and follows it to its download, keeps
// their own wording; once the survey is published, the public results with "you said, we did" and the plan's
// progress page; axe on every page.
import { describe, expect, it } from 'vitest';
import { changeConsultationStage } from '../src/consultations/index.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { PublishedPage, ReportsPage } from './pages/ReportsPages.js';
import { SignInPage } from './pages/SignInPage.js';
import { demoSuite } from './support/demoSuite.js';

describe('reports in Chromium (JavaScript off)', () => {
  const { suite, sessions } = demoSuite();

  it('an analyst makes the committee note and keeps their wording; every page passes axe', { timeout: 120_000 }, async () => {
    const { app, browser } = suite();
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
    const reports = new ReportsPage(page, app.url);
    expect(await reports.open(app.demo.partnershipId)).toBe(200);
    expect(await reports.headingText()).toBe('Reports');
    await reports.checkAccessibility();
    await reports.make('Committee note', 'Word (DOCX)');
    expect(await reports.headingText()).toBe('Committee note (DOCX): Ready');
    expect(await reports.downloadLink().getAttribute('href')).toMatch(/\/reports\/runs\/[0-9a-f-]+\/file$/);
    await reports.checkAccessibility();

    await reports.open(app.demo.partnershipId);
    await reports.openWording('Community Safety Crime Survey 2024');
    expect(await reports.headingText()).toBe('Committee note wording');
    await reports.checkAccessibility();
    await reports.saveWording('Author (name, job title, organisation, contact details)', 'Joy Adams, CCTV and Community Safety Manager');
    expect(await page.getByText('Your wording was saved.').count()).toBe(1);
    expect(await page.getByLabel('Author (name, job title, organisation, contact details)', { exact: true }).inputValue()).toBe(
      'Joy Adams, CCTV and Community Safety Manager',
    );
    await reports.checkAccessibility();
  });

  it('shows the public the published results with what the plan does, and the plan’s progress; both pass axe', { timeout: 120_000 }, async () => {
    const { app, browser, crimeSurveyId } = suite();
    const { db } = app.handle;
    await changeConsultationStage({ db, actor: cliActor(), partnershipId: app.demo.partnershipId, consultationId: crimeSurveyId, action: 'publish' });
    const slug = (await db.selectFrom('partnerships').select('slug').where('id', '=', app.demo.partnershipId).executeTakeFirstOrThrow()).slug;
    const cslug = (await db.selectFrom('consultations').select('slug').where('id', '=', crimeSurveyId).executeTakeFirstOrThrow()).slug;
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    const published = new PublishedPage(page, app.url);
    expect(await published.openResults(slug, cslug)).toBe(200);
    expect(await published.headingText()).toBe('You said, we did: Community Safety Crime Survey 2024');
    expect(await page.getByText('57% of you named fly-tipping among your top concerns.').count()).toBe(1);
    expect(await page.locator('figure svg[role="img"]').count()).toBe(2);
    await published.checkAccessibility();
    expect(await published.openPlan(slug)).toBe(200);
    expect(await published.headingText()).toBe('Coventry Community Safety Partnership Plan 2025 to 2028');
    await published.checkAccessibility();
  });
});
