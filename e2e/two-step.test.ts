import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignInPage } from './pages/SignInPage.js';
import { StaffHomePage } from './pages/StaffHomePage.js';
import { TwoStepPages } from './pages/TwoStepPages.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const ADMIN = 'admin@saferplan.demo';

describe('two-step verification in Chromium without JavaScript', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp({ twoStep: 'required', signInRateLimit: 0 }), launchBrowser()]);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  /** A code the app will take: a time step after the last one it accepted from this user. */
  async function nextCode(secret: string): Promise<string> {
    const row = await app.handle.db
      .selectFrom('two_step_enrolments')
      .innerJoin('users', 'users.id', 'two_step_enrolments.user_id')
      .select('last_time_step')
      .where('users.email', '=', ADMIN)
      .executeTakeFirstOrThrow();
    const step = Math.max(Number(row.last_time_step) + 1, Math.floor(Date.now() / 30_000));
    return generate({ secret, epoch: step * 30 });
  }

  it('an admin sets it up after their password, saves recovery codes, then signs in with a code or a recovery code; every page passes axe', async () => {
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    const signIn = await new SignInPage(page, app.url).open();
    await signIn.signIn(ADMIN, app.demo.password);
    const twoStep = new TwoStepPages(page, app.url);
    expect(twoStep.path()).toBe('/sign-in/two-step/set-up');
    expect(await twoStep.headingText()).toBe('Set up two-step verification');
    expect(await twoStep.qrCode.isVisible()).toBe(true);
    const secret = await twoStep.secretKey();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await twoStep.signedInAs()).toBeNull();
    await twoStep.checkAccessibility();

    // Half signed in: the staff home sends them back here.
    await page.goto(new URL('/staff', app.url).toString());
    expect(twoStep.path()).toBe('/sign-in/two-step/set-up');

    await twoStep.enterCode('12345', 'Confirm and set up');
    expect(await twoStep.errorSummaryItems()).toEqual(['The code must be 6 digits, like 123456']);
    expect(await page.title()).toMatch(/^Error: Set up two-step verification/);
    await twoStep.checkAccessibility();

    await twoStep.enterCode(await generate({ secret }), 'Confirm and set up');
    expect(await twoStep.panelTitle()).toBe('Two-step verification is set up');
    const codes = await twoStep.recoveryCodes();
    expect(codes).toHaveLength(10);
    await twoStep.checkAccessibility();
    await twoStep.continueToStaff();
    const home = new StaffHomePage(page, app.url);
    expect(home.path()).toBe('/staff');
    expect(await home.signedInAs()).toBe(`Signed in as ${ADMIN}`);

    await page.goto(new URL('/staff/account/two-step', app.url).toString());
    expect(await twoStep.headingText()).toBe('Two-step verification');
    await twoStep.checkAccessibility();
    await home.signOut();

    // Next time: the code after the password.
    await (await new SignInPage(page, app.url).open()).signIn(ADMIN, app.demo.password);
    expect(twoStep.path()).toBe('/sign-in/two-step');
    expect(await twoStep.headingText()).toBe('Enter your two-step verification code');
    await twoStep.checkAccessibility();
    await twoStep.enterCode('000000', 'Continue');
    expect(await twoStep.errorSummaryItems()).toEqual(['Enter the code your authenticator app shows now: that code is wrong or was already used']);
    await twoStep.checkAccessibility();
    await twoStep.openRecoveryCodeForm();
    expect(await page.getByLabel('Recovery code').isVisible()).toBe(true);
    await twoStep.checkAccessibility();
    await twoStep.enterCode(await nextCode(secret), 'Continue');
    expect(home.path()).toBe('/staff');
    await home.signOut();

    // Or a recovery code, once.
    await (await new SignInPage(page, app.url).open()).signIn(ADMIN, app.demo.password);
    await twoStep.openRecoveryCodeForm();
    await twoStep.enterRecoveryCode(codes[0] ?? '');
    expect(home.path()).toBe('/staff');
    expect(await home.signedInAs()).toBe(`Signed in as ${ADMIN}`);
  });
});
