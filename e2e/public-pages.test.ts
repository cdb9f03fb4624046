import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PublicPage } from './pages/PublicPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const HUB = '/p/coventry-community-safety-partnership';
const PARTNERSHIP = 'Coventry Community Safety Partnership';

const PAGES: { path: string; status: number; heading: string }[] = [
  { path: '/', status: 200, heading: 'SaferPlan' },
  { path: HUB, status: 200, heading: PARTNERSHIP },
  { path: '/accessibility', status: 200, heading: `Accessibility statement for ${PARTNERSHIP} consultations` },
  { path: '/privacy', status: 200, heading: 'Privacy notice' },
  { path: `${HUB}/accessibility`, status: 200, heading: `Accessibility statement for ${PARTNERSHIP} consultations` },
  { path: `${HUB}/privacy`, status: 200, heading: 'Privacy notice' },
  { path: '/sign-in', status: 200, heading: 'Sign in' },
  { path: '/no-such-page', status: 404, heading: 'Page not found' },
  // A URL Fastify cannot decode: answered by our error page, not Fastify's JSON (the review's L10).
  { path: '/p/%E0%A4%A', status: 400, heading: 'There is a problem with what you sent' },
];

for (const javaScriptEnabled of [true, false]) {
  describe(`public pages in Chromium, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    let app: DemoApp;
    let browser: Browser;

    beforeAll(async () => {
      [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    });
    const sessions = closeAfterTests(() => ({ browser, app }));

    for (const { path, status, heading } of PAGES) {
      it(`${path} answers ${status}, has its heading and passes axe (WCAG 2.2 AA)`, async () => {
        const session = await sessions.open(browser, { javaScriptEnabled });
        const page = new PublicPage(session.page, app.url);
        expect(await page.open(path)).toBe(status);
        expect(await page.headingText()).toBe(heading);
        await page.checkAccessibility();
      });
    }

    it('the hub carries the partnership’s own name, labels demo data and shows no GOV.UK branding', async () => {
      const session = await sessions.open(browser, { javaScriptEnabled });
      const page = new PublicPage(session.page, app.url);
      await page.open(HUB);
      expect(await page.headerBrand()).toBe(PARTNERSHIP);
      expect(await session.page.locator('.app-demo-label').innerText()).toContain('demo data');
      const header = await session.page.locator('header').innerText();
      expect(header).not.toMatch(/GOV\.UK/);
      expect(await session.page.locator('header svg.govuk-header__logotype, .govuk-logo-dot').count()).toBe(0);
    });

    it('the home page links to the demo partnership’s hub and to staff sign-in', async () => {
      const session = await sessions.open(browser, { javaScriptEnabled });
      const page = new PublicPage(session.page, app.url);
      await page.open('/');
      expect(await page.linkTexts()).toEqual(expect.arrayContaining([PARTNERSHIP, 'Staff sign in']));
      await Promise.all([session.page.waitForEvent('load'), session.page.getByRole('link', { name: PARTNERSHIP }).click()]);
      expect(page.path()).toBe(HUB);
    });
  });
}
