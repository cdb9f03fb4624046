import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/loadDemo.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { BasePage } from './pages/BasePage.js';
import { MarginsPage } from './pages/MarginsPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

/** The analysis dashboard, for its weighting form. */
class DashboardPage extends BasePage {
  async open(consultationId: string): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/analysis`);
  }
}

describe('weighting to saved margins in Chromium (JavaScript off)', () => {
  let app: DemoApp;
  let browser: Browser;
  let crimeSurveyId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    ({ crimeSurveyId } = (await loadDemo(app.handle, cliActor())).consultations);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it("saves the partnership's margins (labels, any case), then weights the dashboard with respondents who did not say their sex, passing axe", async () => {
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
    const margins = new MarginsPage(page, app.url);
    expect(await margins.open(app.demo.partnershipId)).toBe(200);
    expect(await margins.headingText()).toBe('Population margins for weighting');
    // Nothing saved yet: the box starts with each ward's population.
    const prefilled = await margins.margins();
    expect(prefilled.split('\n')[0]).toBe('variable,value,population');
    expect(prefilled).toMatch(/^ward,Earlsdon,\d+$/m);
    await margins.checkAccessibility();

    await margins.save('variable,value,population\nsex,,100');
    expect(await margins.errorSummaryItems()).toEqual([
      'Line 2 of the margins file gives no value for "sex". Respondents who did not answer need no line: they are weighted in a "Not stated" group at their share of the sample.',
    ]);
    await margins.checkAccessibility();

    await margins.save('variable,value,population\nSEX,Female,175105\nsex,MALE,170220');
    expect(await page.getByText('The margins were saved.').count()).toBe(1);
    await margins.checkAccessibility();

    const dashboard = new DashboardPage(page, app.url);
    expect(await dashboard.open(crimeSurveyId)).toBe(200);
    expect(await page.getByLabel('Population margins for weighting (optional)').inputValue()).toContain('SEX,Female,175105');
    await page.getByLabel('Weight the results to these margins (raking)').check();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Apply filters' }).click()]);
    expect(await page.getByText('Results are weighted to population margins.').count()).toBe(1);
    expect(await page.getByText(/Respondents who did not state a weighting variable \(\d+ sex\)/).count()).toBe(1);
    await dashboard.checkAccessibility();
  }, 240_000);
});
