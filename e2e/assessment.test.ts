// The Strategic Assessment in Chromium with JavaScript off: the demo's assessment with its maps and charts, the
// matrix form, a score set and shown; axe on every page.
import { describe, expect, it } from 'vitest';
import { AssessmentPage } from './pages/AssessmentPages.js';
import { SignInPage } from './pages/SignInPage.js';
import { demoSuite } from './support/demoSuite.js';

describe('the Strategic Assessment in Chromium (JavaScript off)', () => {
  const { suite, sessions } = demoSuite();

  it('an analyst reads the assessment and sets a matrix score; every page passes axe', { timeout: 120_000 }, async () => {
    const { app, browser } = suite();
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
    const assessment = new AssessmentPage(page, app.url);
    expect(await assessment.open(app.demo.partnershipId)).toBe(200);
    expect(await assessment.headingText()).toBe('Strategic Assessment');
    // The trend, two maps and the perception charts: each one image with a name.
    expect(await assessment.maps().count()).toBeGreaterThanOrEqual(5);
    await assessment.checkAccessibility();

    await assessment.changeScores();
    expect(await assessment.headingText()).toBe('Prioritisation matrix scores');
    await assessment.checkAccessibility();
    await assessment.setScore('Harm: Fly-tipping', '4');
    await assessment.save();
    expect(await page.getByText('The matrix scores were saved.').count()).toBe(1);
    const row = await assessment.matrixRow('Fly-tipping');
    expect(row, row.join(' | ')).toContain('4 (set)');
    await assessment.checkAccessibility();
  });

  it('draws the interactive map with JavaScript on, over the same areas, and passes axe', { timeout: 120_000 }, async () => {
    const { app, browser } = suite();
    const { page } = await sessions.open(browser, { javaScriptEnabled: true });
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('admin@saferplan.demo', app.demo.password);
    const assessment = new AssessmentPage(page, app.url);
    expect(await assessment.open(app.demo.partnershipId)).toBe(200);
    await page.waitForSelector('.leaflet-container path.leaflet-interactive');
    // One shape an LSOA: Coventry's 195.
    expect(await page.locator('.leaflet-container path.leaflet-interactive').count()).toBe(195);
    expect(await page.locator('[data-app-map-status]').innerText()).toContain('Select an area to see its figure');
    await assessment.checkAccessibility();
  });
});
