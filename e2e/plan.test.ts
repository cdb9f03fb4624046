// The Community Safety Partnership Plan in Chromium with JavaScript off: the demo's plan with its evidence resolved
// live, the priority form (with its errors) and the evidence picker; axe on every page.
import { describe, expect, it } from 'vitest';
import { PlanPages } from './pages/PlanPages.js';
import { SignInPage } from './pages/SignInPage.js';
import { demoSuite } from './support/demoSuite.js';

describe('the plan in Chromium (JavaScript off)', () => {
  const { suite, sessions } = demoSuite();

  it('an analyst reads the demo plan and changes a priority; every page passes axe', { timeout: 150_000 }, async () => {
    const { app, browser } = suite();
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    const { page } = session;
    page.setDefaultTimeout(30_000);
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
    const plan = new PlanPages(page, app.url);

    expect(await plan.openList(app.demo.partnershipId)).toBe(200);
    expect(await plan.headingText()).toBe('Community Safety Partnership Plans');
    await plan.checkAccessibility();

    await plan.follow('Coventry Community Safety Partnership Plan 2025 to 2028');
    expect(await plan.headingText()).toBe('Coventry Community Safety Partnership Plan 2025 to 2028');
    const headings = await plan.priorityHeadings();
    expect(headings.length).toBeGreaterThan(3);
    expect(await plan.evidenceTags()).toContain('Current');
    await plan.checkAccessibility();

    await plan.follow('Change the priority');
    expect(await plan.headingText()).toBe('Change the priority');
    await plan.checkAccessibility();
    await page.getByLabel('Priority', { exact: true }).fill('');
    await plan.press('Save the priority');
    expect(await plan.errorSummaryItems()).toEqual(['Enter a title']);
    await plan.checkAccessibility();
    await page.getByLabel('Priority', { exact: true }).fill(`${headings[0]} (revised)`);
    await page.getByRole('checkbox', { name: 'Victim', exact: true }).check();
    await plan.press('Save the priority');
    expect(await page.getByText('The priority was saved.').count()).toBe(1);
    expect(await plan.priorityHeadings()).toContain(`${headings[0]} (revised)`);

    await plan.follow('Link evidence');
    expect(await plan.headingText()).toBe(`Link evidence to “${headings[0]} (revised)”`);
    await plan.checkAccessibility();

    await plan.follow('Back to the plan');
    await plan.follow('With version 1');
    expect(await plan.headingText()).toBe('What changed from version 1 (Out for consultation) to version 2 (Approved)');
    await plan.checkAccessibility();
    expect(session.problems).toEqual([]);
  });
});
