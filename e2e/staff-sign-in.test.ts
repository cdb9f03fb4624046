import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogPage } from './pages/AuditLogPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { StaffHomePage } from './pages/StaffHomePage.js';
import { UsersPage } from './pages/UsersPage.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const ADMIN = 'admin@saferplan.demo';
const ANALYST = 'analyst@saferplan.demo';
const DEMO_PARTNERSHIP = 'Coventry Community Safety Partnership';

describe('staff sign-in in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('the demo admin signs in through the form, sees the staff home, users and audit log, and signs out', async () => {
    session = await sessions.open(browser);
    const signIn = await new SignInPage(session.page, app.url).open();
    expect(await signIn.headingText()).toBe('Sign in');
    await signIn.checkAccessibility();

    await signIn.signIn(ADMIN, app.demo.password);
    const home = new StaffHomePage(session.page, app.url);
    expect(home.path()).toBe('/staff');
    expect(await home.headingText()).toBe('Staff home');
    expect(await home.signedInAs()).toBe(`Signed in as ${ADMIN}`);
    expect(await home.navigationLinks()).toEqual(['Staff home', 'Users', 'Audit log']);
    expect(await home.partnershipNames()).toEqual([DEMO_PARTNERSHIP]);
    await home.checkAccessibility();

    await home.goTo('Users');
    const users = new UsersPage(session.page, app.url);
    expect(users.path()).toBe('/staff/users');
    expect(await users.headingText()).toBe('Users');
    expect(await users.userEmails()).toEqual(expect.arrayContaining([ADMIN, ANALYST]));
    await users.checkAccessibility();

    await home.goTo('Audit log');
    const audit = new AuditLogPage(session.page, app.url);
    expect(audit.path()).toBe('/staff/audit');
    expect(await audit.headingText()).toBe('Audit log');
    const actions = (await audit.rows()).map((r) => r.what);
    expect(actions).toEqual(expect.arrayContaining(['Created the partnership', 'Added the user as Administrator', 'Signed in']));
    await audit.checkAccessibility();

    await audit.signOut();
    expect(audit.path()).toBe('/');
    expect(await audit.signedInAs()).toBeNull();
    await audit.checkAccessibility();

    // Signed out for real: the staff pages send you back to sign in.
    await new StaffHomePage(session.page, app.url).open();
    expect(signIn.path()).toBe('/sign-in');
    expect(new URL(session.page.url()).searchParams.get('next')).toBe('/staff');
  });

  it('a wrong password shows the GOV.UK error summary and reveals nothing else', async () => {
    session = await sessions.open(browser);
    const signIn = await new SignInPage(session.page, app.url).open();
    await signIn.signIn(ADMIN, 'not-the-password');

    expect(signIn.path()).toBe('/sign-in');
    expect(await session.page.title()).toMatch(/^Error: Sign in/);
    expect(await signIn.errorSummary.getByRole('heading').innerText()).toBe('There is a problem');
    expect(await signIn.errorSummaryItems()).toEqual(['Enter a correct email address and password']);
    expect(await signIn.fieldError('email')).toBe('Enter a correct email address and password');
    // The email is kept for correction; the password is never sent back.
    expect(await signIn.email.inputValue()).toBe(ADMIN);
    expect(await signIn.password.inputValue()).toBe('');
    expect(await signIn.signedInAs()).toBeNull();
    // The summary links to the field in error (GOV.UK pattern).
    await signIn.errorSummary.getByRole('link', { name: 'Enter a correct email address and password' }).click();
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('email');
    await signIn.checkAccessibility();
  });

  it('an unknown email gets exactly the same answer as a wrong password', async () => {
    session = await sessions.open(browser);
    const signIn = await new SignInPage(session.page, app.url).open();
    await signIn.signIn('nobody@saferplan.demo', 'not-the-password');
    expect(await signIn.errorSummaryItems()).toEqual(['Enter a correct email address and password']);
    await signIn.checkAccessibility();
  });

  it('signing in and out works with JavaScript disabled', async () => {
    session = await sessions.open(browser, { javaScriptEnabled: false });
    const signIn = await new SignInPage(session.page, app.url).open();
    await signIn.checkAccessibility();
    await signIn.signIn(ADMIN, app.demo.password);

    const home = new StaffHomePage(session.page, app.url);
    expect(home.path()).toBe('/staff');
    expect(await home.headingText()).toBe('Staff home');
    await home.checkAccessibility();

    await home.goTo('Audit log');
    expect(home.path()).toBe('/staff/audit');
    await home.checkAccessibility();

    await home.signOut();
    expect(await home.signedInAs()).toBeNull();
    await home.checkAccessibility();
  });

  it('a deep link asks for sign-in, then returns to the page asked for', async () => {
    session = await sessions.open(browser);
    const audit = new AuditLogPage(session.page, app.url);
    await audit.open();
    const signIn = new SignInPage(session.page, app.url);
    expect(signIn.path()).toBe('/sign-in');
    await signIn.checkAccessibility();
    await signIn.signIn(ADMIN, app.demo.password);
    expect(audit.path()).toBe('/staff/audit');
    expect(await audit.headingText()).toBe('Audit log');
  });

  it('an analyst has no admin navigation and is refused the users page', async () => {
    session = await sessions.open(browser);
    const signIn = await new SignInPage(session.page, app.url).open();
    await signIn.signIn(ANALYST, app.demo.password);
    const home = new StaffHomePage(session.page, app.url);
    expect(await home.headingText()).toBe('Staff home');
    expect(await home.navigationLinks()).toEqual(['Staff home']);
    await home.checkAccessibility();

    const users = new UsersPage(session.page, app.url);
    expect(await users.open()).toBe(403);
    expect(await users.headingText()).toBe('You do not have permission to see this page');
    await users.checkAccessibility();
  });
});
