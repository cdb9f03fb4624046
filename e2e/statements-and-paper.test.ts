import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openConsultation } from '../test-support/consultations.js';
import { BasePage } from './pages/BasePage.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const HUB = '/p/coventry-community-safety-partnership';

/** Clicks a button that loads a new document and waits for it. */
async function press(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()]);
}

describe('statements, the paper questionnaire and invitations in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;
  let crime: { consultationId: string; slug: string };
  let members: { consultationId: string };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp({ submissionRateLimit: 0 }), launchBrowser()]);
    crime = await openConsultation(app.handle, 'crime-survey', 'Crime Survey 2027');
    members = await openConsultation(app.handle, 'members-survey', "Members' survey 2027");
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  const signedIn = async (javaScriptEnabled: boolean) => {
    const session = await sessions.open(browser, { javaScriptEnabled });
    session.page.setDefaultTimeout(15_000);
    await new SignInPage(session.page, app.url).open();
    await new SignInPage(session.page, app.url).signIn('admin@saferplan.demo', app.demo.password);
    return Object.assign(new BasePage(session.page, app.url), { problems: session.problems });
  };

  it("shows a consultation's privacy notice with the partnership's, JavaScript off, passing axe", async () => {
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    const page = new BasePage(session.page, app.url);
    await session.page.goto(`${app.url}${HUB}/${crime.slug}`);
    await Promise.all([session.page.waitForEvent('load'), session.page.getByRole('link', { name: 'Read the full privacy notice' }).click()]);
    expect(page.path()).toBe(`${HUB}/${crime.slug}/privacy`);
    expect(await page.headingText()).toBe('Privacy notice: Crime Survey 2027');
    expect(await session.page.getByRole('heading', { name: 'About this consultation' }).count()).toBe(1);
    await page.checkAccessibility();
    await Promise.all([session.page.waitForEvent('load'), session.page.getByRole('link', { name: 'Accessibility', exact: true }).click()]);
    expect(page.path()).toBe(`${HUB}/accessibility`);
    await page.checkAccessibility();
  }, 60_000);

  it('lets an admin edit the accessibility statement and privacy notice, explaining a refusal, passing axe (JavaScript off)', async () => {
    const staff = await signedIn(false);
    const { page } = staff;
    await page.goto(`${app.url}/staff/partnerships/${app.demo.partnershipId}/settings`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Accessibility statement' }).click()]);
    expect(await staff.headingText()).toBe('Accessibility statement');
    await staff.checkAccessibility();
    await page.getByLabel('Email address').fill('not an email');
    await press(page, 'Save the accessibility statement');
    expect(await staff.errorSummaryItems()).toEqual(['Enter the contact email address in the correct format, like access@example.gov.uk']);
    await staff.checkAccessibility();
    await page.getByLabel('Email address').fill('access@coventry.example');
    await page.getByRole('radio', { name: 'Fully compliant' }).check();
    await press(page, 'Save the accessibility statement');
    expect(await page.getByText('The accessibility statement was saved.').count()).toBe(1);
    await staff.checkAccessibility();

    await page.goto(`${app.url}/staff/partnerships/${app.demo.partnershipId}/privacy-notice`);
    expect(await staff.headingText()).toBe('Privacy notice');
    await staff.checkAccessibility();
    await page.getByLabel('Name of the data controller').fill('Coventry City Council');
    await press(page, 'Save the privacy notice');
    expect(await page.getByText('The privacy notice was saved.').count()).toBe(1);

    await page.goto(`${app.url}${HUB}/privacy`);
    expect(await page.getByText('Coventry City Council is the data controller').count()).toBe(1);
    await page.goto(`${app.url}${HUB}/accessibility`);
    expect(await page.getByText('is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard').count()).toBe(1);
    await staff.checkAccessibility();
  }, 120_000);

  it('shows the paper questionnaire and the invitations page with its CSV download, passing axe', async () => {
    const staff = await signedIn(true);
    const { page } = staff;
    await page.goto(`${app.url}/staff/consultations/${crime.consultationId}/paper`);
    expect(await staff.headingText()).toBe('Crime Survey 2027');
    expect(await page.locator('.app-paper-question').count()).toBeGreaterThan(10);
    expect(await page.getByRole('link', { name: 'download it as a PDF' }).getAttribute('href')).toBe(
      `/staff/consultations/${crime.consultationId}/paper.pdf`,
    );
    await staff.checkAccessibility();

    await page.goto(`${app.url}/staff/consultations/${members.consultationId}/invitations`);
    await page.getByLabel('People to invite').fill('Cllr Jane Smith, jane.smith@example.gov.uk');
    await press(page, 'Create invitation links');
    expect(await page.getByRole('table', { name: 'New invitation links' }).count()).toBe(1);
    await staff.checkAccessibility();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these links (CSV for a mail merge)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-invitation-links\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toMatch(/^\ufeffname,email,link\r\nCllr Jane Smith,jane\.smith@example\.gov\.uk,http:\/\/[^,]+\/invitation\/[A-Za-z0-9_-]{43}\r\n$/);
    // Chromium turns the form's navigation into a download and reports the navigation as aborted: that is not a fault.
    const aborted = staff.problems.findIndex((p) => p.includes('/invitations/links.csv net::ERR_ABORTED'));
    if (aborted >= 0) staff.problems.splice(aborted, 1);
  }, 120_000);
});
