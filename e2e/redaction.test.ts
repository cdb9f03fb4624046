import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALID_CRIME_ANSWERS } from '../test-support/consultations.js';
import { buildConsultation } from '../test-support/factories.js';
import { RedactionSettingsPage } from './pages/RedactionSettingsPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const SAID = 'Ask Sarah Jones on 07700 900123, she saw it';

describe("residents' text as typed in Chromium, JavaScript off", () => {
  let app: DemoApp;
  let browser: Browser;
  let consultationId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    consultationId = (
      await buildConsultation({ db: app.handle.db, partnershipId: app.demo.partnershipId, stage: 'open', title: 'Crime Survey 2027' })
    ).id;
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('an admin turns keeping on, a bad period is explained, and the admin reads the original on the response page; every page passes axe', {
    timeout: 150_000,
  }, async () => {
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(page, app.url).open().then((p) => p.signIn('admin@saferplan.demo', app.demo.password));
    const settings = new RedactionSettingsPage(page, app.url);
    await page.goto(`${app.url}/staff/partnerships/${app.demo.partnershipId}/settings`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: "Residents' text as typed" }).click()]);
    expect(await settings.headingText()).toBe("Residents' text as typed");
    expect(await settings.days()).toBe('90');
    await settings.checkAccessibility();

    await settings.save('Yes', '0');
    expect(await settings.errorSummaryItems()).toEqual(['Enter how many days to keep the original text, a whole number from 1 to 3650']);
    await settings.checkAccessibility();
    await settings.save('Yes', '30');
    expect(await page.getByText('The setting was saved.').count()).toBe(1);
    expect(await settings.days()).toBe('30');

    const res = await fetch(`${app.url}/api/v1/consultations/${consultationId}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { ...VALID_CRIME_ANSWERS, feel_safer: SAID } }),
    });
    const { reference } = (await res.json()) as { reference: string };
    expect(res.status).toBe(201);
    const originals = await settings.originalsOnResponsePage(consultationId, reference);
    expect(originals).toHaveLength(1);
    expect(Object.values(originals[0] ?? {})).toEqual([SAID]);
    expect(await page.getByText('Ask [name] on [phone], she saw it').count()).toBe(1);
    await settings.checkAccessibility();
  });
});
