// Running a partner workshop in Chromium with JavaScript off: live capture from the keyboard, candidate priorities,
// personal links emailed through a real SMTP server, and an attendee voting from a phone-sized window; axe on every page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../src/platform/recordAudit.js';
import { loadDemoStakeholders } from '../src/stakeholders/demo/loadDemoStakeholders.js';
import { startSmtpServer, type TestSmtpServer } from '../test-support/smtpServer.js';
import { SignInPage } from './pages/SignInPage.js';
import { VotePage, WorkshopPages } from './pages/WorkshopPages.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

describe('running a workshop in Chromium (JavaScript off)', () => {
  let app: DemoApp;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let workshopUrl = '';
  const links: string[] = [];

  beforeAll(async () => {
    [app, browser, smtp] = await Promise.all([
      startDemoApp({ submissionRateLimit: 0 }),
      launchBrowser(),
      startSmtpServer({ user: 'csp', password: 'smtp-pass-1' }),
    ]);
    await loadDemoStakeholders({ handle: app.handle, actor: cliActor(), loaded: { partnershipId: app.demo.partnershipId } });
  }, 150_000);
  const sessions = closeAfterTests(() => ({ browser, app }));
  afterAll(() => smtp?.close());

  it('sets up email, creates a workshop, captures items from the keyboard, lists priorities, invites and opens voting', async () => {
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    const { page } = session;
    page.setDefaultTimeout(15_000);
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('admin@saferplan.demo', app.demo.password);
    const staff = new WorkshopPages(page, app.url);

    await page.goto(`${app.url}/staff/partnerships/${app.demo.partnershipId}/email-settings`);
    expect(await staff.headingText()).toBe('Email sending');
    await staff.checkAccessibility();
    await page.getByLabel('SMTP server').fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await page.getByRole('radio', { name: /None/ }).check();
    await page.getByLabel('User name (optional)').fill('csp');
    await page.getByLabel('Password', { exact: true }).fill('smtp-pass-1');
    await page.getByLabel('From address').fill('community.safety@example.org');
    await staff.press('Save the email settings');
    expect(await page.getByText('The email settings were saved.').count()).toBe(1);
    expect(await page.content()).not.toContain('smtp-pass-1');

    expect(await staff.openList(app.demo.partnershipId)).toBe(200);
    await staff.checkAccessibility();
    await staff.createWorkshop({ title: 'Place workshop 2027', day: '14', month: '10', year: '2027', theme: 'Place', dots: '3' });
    expect(await staff.headingText()).toBe('Place workshop 2027');
    workshopUrl = page.url().replace(/\?.*$/, '');
    await staff.checkAccessibility();

    await staff.follow('Capture items');
    expect(await staff.headingText()).toBe('Capture items');
    await staff.checkAccessibility();
    for (const idea of ['Lack of resources for evening patrols', 'Community engagement through ward walks', 'Make reporting easier']) {
      await staff.captureByKeyboard(idea);
      expect(await staff.captureValue()).toBe('');
    }
    expect(await staff.capturedItems()).toEqual([
      'Make reporting easier',
      'Community engagement through ward walks',
      'Lack of resources for evening patrols',
    ]);
    await staff.press('Add the item');
    expect(await staff.errorSummaryItems()).toEqual(['Enter the idea']);
    await staff.checkAccessibility();
    await staff.follow('Back to the workshop');

    for (const priority of ['Tackle anti-social behaviour hotspots', 'Easier reporting of crime']) {
      await page.getByLabel('Add a candidate priority').fill(priority);
      await staff.press('Add the priority');
    }
    await page.getByRole('checkbox', { name: 'Inspector Priya Shah, West Midlands Police' }).check();
    await page.getByRole('checkbox', { name: 'Sophie Turner, Victim Support' }).check();
    await staff.press('Save the list');
    expect(await page.getByText('The list of attendees was saved.').count()).toBe(1);
    await staff.checkAccessibility();
    await staff.press('Send invitations');
    expect(await staff.headingText()).toBe('2 invitations sent');
    await staff.checkAccessibility();
    for (const mail of smtp.received) {
      const text = mail.raw.replace(/=\r?\n/g, '');
      const link = /https?:\/\/[^/\s]+(\/w\/[A-Za-z0-9_-]{43})\r?\n/.exec(text)?.[1];
      expect(link).toBeDefined();
      links.push(link ?? '');
    }
    expect(links.length).toBe(2);
    await page.goto(workshopUrl);
    await staff.press('Open voting');
    expect(await page.getByText('Voting is open').count()).toBeGreaterThan(0);
    await staff.checkAccessibility();
    expect(session.problems).toEqual([]);
  }, 150_000);

  it('lets an attendee vote from a phone-sized window through their personal link, and shows staff the totals', async () => {
    const phone = await sessions.open(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
    phone.page.setDefaultTimeout(15_000);
    const vote = new VotePage(phone.page, app.url);
    expect(await vote.open(links[0] ?? '')).toBe(200);
    expect(await vote.headingText()).toBe('Vote for the priorities');
    await vote.checkAccessibility();
    await vote.placeDots('Tackle anti-social behaviour hotspots', '3');
    await vote.placeDots('Easier reporting of crime', '2');
    await vote.save();
    expect(await vote.errorSummaryItems()).toEqual(['You have 3 dots: you placed 5. Take some off and try again']);
    await vote.checkAccessibility();
    await vote.placeDots('Tackle anti-social behaviour hotspots', '1');
    await vote.save();
    expect(await vote.banner()).toContain('Your votes were saved. You can change them until voting closes.');
    await vote.checkAccessibility();
    const scrollWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    expect(phone.problems).toEqual([]);

    const session = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(session.page, app.url).open();
    await new SignInPage(session.page, app.url).signIn('admin@saferplan.demo', app.demo.password);
    await session.page.goto(workshopUrl);
    const staff = new WorkshopPages(session.page, app.url);
    expect(await staff.priorityTotals()).toEqual([
      ['Tackle anti-social behaviour hotspots', '1'],
      ['Easier reporting of crime', '2'],
    ]);
    await staff.press('Close voting');
    expect(await session.page.getByText('Voting is closed.').count()).toBe(1);
  }, 150_000);
});
