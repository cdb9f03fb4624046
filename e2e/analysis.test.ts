import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/loadDemo.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { BasePage } from './pages/BasePage.js';
import { SignInPage } from './pages/SignInPage.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

/** The survey analysis dashboard (a page object kept beside its only test). */
class AnalysisPage extends BasePage {
  async open(consultationId: string, query = ''): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/analysis${query}`);
  }
  async safetyRow(where: string): Promise<string[]> {
    return (
      await this.page
        .getByRole('row', { name: new RegExp(`^${where}`) })
        .getByRole('cell')
        .allInnerTexts()
    ).map((t) => t.trim());
  }
  charts() {
    return this.page.locator('figure svg[role="img"]');
  }
  async choose(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }
  async submit(button: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: button }).click()]);
  }
}

describe('survey analysis dashboard in Chromium (JavaScript off)', () => {
  let app: DemoApp;
  let browser: Browser;
  let session: BrowserSession | undefined;
  let crimeSurveyId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    ({ crimeSurveyId } = (await loadDemo(app.handle, cliActor())).consultations);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  async function signedIn(): Promise<Page> {
    session = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(session.page, app.url).open();
    await new SignInPage(session.page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
    return session.page;
  }

  it('shows the headline indicators, every question with a chart and table, filters and a cross-tab, and passes axe', async () => {
    const page = new AnalysisPage(await signedIn(), app.url);
    expect(await page.open(crimeSurveyId)).toBe(200);
    expect(await page.headingText()).toContain('Demo data');
    expect(await page.page.getByText('invented demonstration responses').count()).toBe(1);
    const area = await page.safetyRow('In the area');
    expect(area[0]).toMatch(/^81\.1%/);
    expect(area[1]).toMatch(/^46\.4%/);
    expect(area[2]).toMatch(/points/);
    expect(await page.charts().count()).toBeGreaterThan(20);
    expect(await page.charts().first().locator('title').count()).toBe(1);
    await page.checkAccessibility();

    await page.choose('Ward', 'Earlsdon');
    await page.submit('Apply filters');
    expect(page.page.url()).toContain('ward=earlsdon');
    expect(await page.page.getByText(/within the filters \(Ward: Earlsdon\)/).count()).toBe(1);

    await page.choose('Question', 'How safe do you feel walking alone in this area… after dark?');
    await page.choose('Break down by', 'Sex');
    await page.submit('Show cross-tab');
    expect(page.page.url()).toContain('ward=earlsdon');
    expect(await page.page.getByText(/Too small to publish|column percentages/).count()).toBeGreaterThan(0);
    await page.checkAccessibility();

    await page.open(crimeSurveyId, '?xq=safe_dark&by=age_band');
    expect(await page.page.getByRole('table', { name: /by age band: column percentages/ }).count()).toBe(1);
    expect(await page.page.getByText(/Pearson chi-square = /).count()).toBe(1);
    await page.checkAccessibility();
  });

  it('weights to margins entered on the page, shows sample beside population, and explains margins that cannot be used', async () => {
    const page = new AnalysisPage(await signedIn(), app.url);
    await page.open(crimeSurveyId);
    await page.page
      .getByLabel('Population margins for weighting (optional)')
      .fill('variable,value,population\nchannel,online,400\nchannel,paper,400\nchannel,email,100\nchannel,event,100');
    await page.page.getByLabel('Weight the results to these margins (raking)').check();
    await page.submit('Apply filters');
    expect(await page.page.getByText(/^Weighted to channel: raking converged/).count()).toBe(1);
    expect(await page.page.getByRole('table', { name: /Channel: sample and population/ }).count()).toBe(1);
    expect(await page.page.getByText(/Largest gaps \(sample minus population\): Online \(channel\): \+41\.5 points/).count()).toBe(1);
    expect(await page.page.getByRole('columnheader', { name: 'Weighted %' }).count()).toBeGreaterThan(10);
    await page.checkAccessibility();

    await page.page.getByLabel('Population margins for weighting (optional)').fill('variable,value,population\nsex,female,1000');
    await page.submit('Apply filters');
    expect(await page.page.locator('.govuk-error-summary').innerText()).toMatch(
      /The margins for "sex" do not cover "Male"[\s\S]*No weights were applied/,
    );
    expect(await page.page.getByRole('columnheader', { name: 'Weighted %' }).count()).toBe(0);
    await page.checkAccessibility();
  });

  it('takes margins as long as the box allows (20,000 characters) through its GET form (the review’s L10)', async () => {
    const page = new AnalysisPage(await signedIn(), app.url);
    await page.open(crimeSurveyId);
    const margins = `variable,value,population\n${'channel,online,400\n'.repeat(1100)}`.slice(0, 20_000);
    const box = page.page.getByLabel('Population margins for weighting (optional)');
    await box.fill(margins);
    await page.page.getByLabel('Weight the results to these margins (raking)').check();
    await page.submit('Apply filters');
    expect(await page.headingText()).toContain('Demo data');
    expect((await box.inputValue()).length).toBe(20_000);
  });
});
