import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PartnershipSettingsPage } from './pages/PartnershipSettingsPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

describe('partnership settings in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  for (const javaScriptEnabled of [true, false]) {
    it(`lets an admin set the suppression minimum, explains a refusal, and passes axe (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page } = await sessions.open(browser, { javaScriptEnabled });
      await new SignInPage(page, app.url).open();
      await new SignInPage(page, app.url).signIn('admin@saferplan.demo', app.demo.password);
      const settings = new PartnershipSettingsPage(page, app.url);
      expect(await settings.open(app.demo.partnershipId)).toBe(200);
      expect(await settings.headingText()).toBe('Settings');
      await settings.checkAccessibility();

      await settings.save('2');
      expect(await settings.errorSummaryItems()).toEqual(['The minimum base must be 3 or more: smaller groups could identify people']);
      expect(await settings.minimum()).toBe('2');
      await settings.checkAccessibility();

      await settings.save('12');
      expect(await page.getByText('The settings were saved.').count()).toBe(1);
      expect(await settings.minimum()).toBe('12');
      await settings.checkAccessibility();
      await settings.save('10');
    });
  }
});
