import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogPage } from './pages/AuditLogPage.js';
import { ResetPasswordPage } from './pages/ResetPasswordPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { UserPage } from './pages/UserPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const ADMIN = 'admin@saferplan.demo';
const ANALYST = 'analyst@saferplan.demo';
const NEW_PASSWORD = 'lantern-orchard-velvet';

describe('the audit log and password reset links in Chromium, JavaScript off', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    // Enough entries for more than one page.
    await app.handle.db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          id: `e2e-${i}`,
          at: `2025-01-01T10:${String(i).padStart(2, '0')}:00.000Z`,
          actor_id: null,
          actor_label: 'cli:backups',
          partnership_id: app.demo.partnershipId,
          action: 'database.backup',
          entity: 'database',
          entity_id: null,
          detail: '{}',
        })),
      )
      .execute();
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('an admin reads the log in plain English, filters it, pages through it and is told what is wrong with a filter', async () => {
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(session.page, app.url).open().then((page) => page.signIn(ADMIN, app.demo.password));
    const audit = new AuditLogPage(session.page, app.url);
    expect(await audit.open()).toBe(200);
    expect(await audit.headingText()).toBe('Audit log');
    const whats = (await audit.rows()).map((r) => r.what);
    expect(whats).toEqual(expect.arrayContaining(['Signed in', 'Created the partnership']));
    expect(await audit.downloadLinks()).toEqual(['/staff/audit/export.csv', '/staff/audit/export.xlsx']);
    await audit.checkAccessibility();

    await audit.filter({ action: 'Signed in' });
    expect(new URL(session.page.url()).searchParams.get('action')).toBe('session.sign-in');
    const signIns = await audit.rows();
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((r) => r.what === 'Signed in' && r.who.endsWith(`(${ADMIN})`))).toBe(true);
    expect(await audit.downloadLinks()).toEqual([
      '/staff/audit/export.csv?action=session.sign-in',
      '/staff/audit/export.xlsx?action=session.sign-in',
    ]);
    await audit.checkAccessibility();

    await audit.open('?person=backups');
    expect(await audit.summary()).toBe('Showing 1 to 50 of 60 entries matching the filters, newest first.');
    await audit.checkAccessibility();
    await audit.nextPage();
    expect(await audit.summary()).toBe('Showing 51 to 60 of 60 entries matching the filters, newest first.');
    expect((await audit.rows()).every((r) => r.who === 'Command line (backups)' && r.what === 'Backed up the database')).toBe(true);
    await audit.checkAccessibility();

    await audit.open();
    await audit.filter({ from: ['31', '2', '2025'] });
    expect(await audit.errorSummaryItems()).toEqual(['From date must be a real date, like 5 2 2026']);
    expect(await audit.rows()).toEqual([]);
    await audit.checkAccessibility();
  }, 180_000);

  it('an admin makes a reset link; the analyst uses it once to choose a new password and signs in with it', async () => {
    const adminSession = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(adminSession.page, app.url).open().then((page) => page.signIn(ADMIN, app.demo.password));
    const users = new UsersPage(adminSession.page, app.url);
    await users.open();
    await users.manage(ANALYST);
    const user = new UserPage(adminSession.page, app.url);
    await user.press('Make a reset link');
    expect(await user.headingText()).toBe(`Password reset link for ${ANALYST}`);
    await user.checkAccessibility();
    const link = (await adminSession.page.locator('#reset-link').innerText()).trim();
    const path = new URL(link).pathname;
    expect(path).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{43}$/);

    const analyst = await sessions.open(browser, { javaScriptEnabled: false });
    const reset = new ResetPasswordPage(analyst.page, app.url);
    expect(await reset.open(path)).toBe(200);
    expect(await reset.headingText()).toBe('Choose a new password');
    await reset.checkAccessibility();
    await reset.choose('password1234');
    expect(await reset.errorSummaryItems()).toEqual([
      'Password is a common password or too like one: choose one that other people are unlikely to use',
    ]);
    await reset.checkAccessibility();
    await reset.choose(NEW_PASSWORD);
    expect(reset.path()).toBe('/sign-in');
    expect(await reset.notice()).toContain('Your password was changed. Sign in with your new password.');
    await reset.checkAccessibility();
    await new SignInPage(analyst.page, app.url).signIn(ANALYST, NEW_PASSWORD);
    expect(reset.path()).toBe('/staff');

    expect(await reset.open(path)).toBe(404);
    expect(await reset.headingText()).toBe('This link no longer works');
    await reset.checkAccessibility();

    const audit = new AuditLogPage(adminSession.page, app.url);
    await audit.open();
    await audit.filter({ action: 'Reset a password with a link' });
    expect((await audit.rows()).map((r) => [r.who, r.what])).toEqual([[`Demo Analyst (${ANALYST})`, 'Set a new password with a reset link']]);
  }, 180_000);
});
