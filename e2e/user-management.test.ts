import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignInPage } from './pages/SignInPage.js';
import { UserPage } from './pages/UserPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const ADMIN = 'admin@saferplan.demo';
const ANALYST = 'analyst@saferplan.demo';

describe('user management in Chromium, JavaScript off', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('an admin disables the analyst and makes them a partner, and cannot demote the only admin', async () => {
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(session.page, app.url).open().then((page) => page.signIn(ADMIN, app.demo.password));

    const users = new UsersPage(session.page, app.url);
    await users.open();
    expect(await users.chosenNewRole()).toBe('Viewer');
    await users.checkAccessibility();

    await users.manage(ANALYST);
    const user = new UserPage(session.page, app.url);
    expect(await user.headingText()).toBe(ANALYST);
    expect(await user.details()).toMatchObject({ Role: 'Analyst', Status: 'Active' });
    await user.checkAccessibility();

    await user.press(`Disable ${ANALYST}`);
    expect(await user.notice()).toContain('The user is disabled and signed out');
    expect(await user.details()).toMatchObject({ Status: 'Disabled' });
    await user.checkAccessibility();

    await user.changeRole('Partner');
    expect(await user.notice()).toBe('The role was changed.');
    expect(await user.details()).toMatchObject({ Role: 'Partner', Status: 'Disabled' });
    await user.checkAccessibility();

    // The remove step asks first.
    await session.page.getByRole('button', { name: `Remove ${ANALYST}` }).click();
    await session.page.waitForURL((url) => url.pathname.endsWith('/remove'));
    expect(await user.headingText()).toBe(`Are you sure you want to remove ${ANALYST}?`);
    await user.checkAccessibility();

    // The only administrator cannot step down: the GOV.UK error summary says why.
    await users.open();
    await users.manage(ADMIN);
    await user.changeRole('Viewer');
    expect(await user.errorSummaryItems()).toEqual([
      `${ADMIN} is the only administrator of their partnership: make another user an administrator first`,
    ]);
    await user.checkAccessibility();

    // Their own password, from the link under the signed-in bar.
    await Promise.all([session.page.waitForEvent('load'), session.page.getByRole('link', { name: 'Change your password' }).click()]);
    expect(await user.headingText()).toBe('Change your password');
    await user.checkAccessibility();
  });
});
