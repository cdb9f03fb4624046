// Setting up a consultation as an officer does it, in Chromium: create a draft, change its details, preview it,
// open and close it through their confirmation pages, reopen it as an admin; the builder keeping typed edits; and
// the public hub's search and filters with JavaScript off. axe on every page.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeConsultationStage } from '../src/consultations/changeConsultationStage.js';
import { createConsultation } from '../src/consultations/createConsultation.js';
import { updateConsultation } from '../src/consultations/updateConsultation.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { BasePage } from './pages/BasePage.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const HUB = '/p/coventry-community-safety-partnership';

/** A staff page driven through its links, buttons and fields by their accessible names. */
class StaffPage extends BasePage {
  async open(path: string): Promise<number> {
    return this.visit(path);
  }

  async follow(name: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name, exact: true }).first().click()]);
  }

  /** A button, or a link styled as one (GOV.UK gives those role="button"). */
  async press(name: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name, exact: true }).click()]);
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async banner(): Promise<string> {
    return (await this.page.locator('.govuk-notification-banner').innerText()).replace(/\s+/g, ' ').trim();
  }

  async summaryValue(key: string): Promise<string> {
    const row = this.page.locator('.govuk-summary-list__row', { has: this.page.locator('dt', { hasText: key }) }).first();
    return (await row.locator('dd.govuk-summary-list__value').innerText()).trim();
  }
}

describe('consultation set-up in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('an analyst creates a draft, changes its details, previews it, and opens and closes it after confirming; an admin reopens it', {
    timeout: 180_000,
  }, async () => {
    const session = await sessions.open(browser);
    const list = `/staff/partnerships/${app.demo.partnershipId}/consultations`;
    await (await new SignInPage(session.page, app.url).open(`${list}/new`)).signIn('analyst@saferplan.demo', app.demo.password);
    const staff = new StaffPage(session.page, app.url);
    await staff.page.getByLabel('Blank survey').check();
    await staff.fill('Title', 'Town centre survey');
    for (const [box, value] of Object.entries({ Day: '10', Month: '7', Year: '2099' }))
      await staff.page
        .getByRole('group', { name: /^Opens/ })
        .getByLabel(box)
        .fill(value);
    for (const [box, value] of Object.entries({ Day: '2', Month: '10', Year: '2099' }))
      await staff.page
        .getByRole('group', { name: /^Closes/ })
        .getByLabel(box)
        .fill(value);
    await staff.press('Create draft');
    expect(await staff.banner()).toContain('Draft created.');
    expect(await staff.summaryValue('Opens')).toBe('10 July 2099 at midnight');
    await staff.checkAccessibility();
    const overview = staff.path();

    // "Change" beside the title leads to the details form; saving says so.
    await staff.follow('Change title');
    expect(await staff.headingText()).toBe('Change the details');
    await staff.checkAccessibility();
    await staff.fill('Title', 'Town centre safety survey');
    await staff.fill('Summary', 'Tell us how safe the town centre feels.');
    await staff.page.getByLabel('Public place safety and reassurance').check();
    await staff.page
      .getByRole('group', { name: /^Closes/ })
      .getByLabel('Day')
      .fill('30');
    await staff.page
      .getByRole('group', { name: /^Closes/ })
      .getByLabel('Month')
      .fill('9');
    await staff.press('Save changes');
    expect(staff.path()).toBe(overview);
    expect(await staff.banner()).toContain('Details saved');
    expect(await staff.summaryValue('Title')).toBe('Town centre safety survey');
    expect(await staff.summaryValue('Closes (planned)')).toBe('30 September 2099 at 11:59pm');
    expect(await staff.summaryValue('Topics')).toBe('Public place safety and reassurance');
    await staff.checkAccessibility();

    // A bad date is named, and what was typed stays.
    await staff.follow('Change opens');
    await staff.page
      .getByRole('group', { name: /^Opens/ })
      .getByLabel('Month')
      .fill('13');
    await staff.press('Save changes');
    expect(await staff.errorSummaryItems()).toEqual(['The opening date must be a real date like 2024-07-10 (or 2024-07-10T09:00)']);
    expect(await staff.page.getByLabel('Title', { exact: true }).inputValue()).toBe('Town centre safety survey');
    await staff.checkAccessibility();

    // The preview of the draft: its information page and a question page, marked, with nothing to send.
    await staff.open(overview);
    await staff.follow('Preview the public pages of this draft');
    expect(await session.page.locator('#preview').innerText()).toContain('Preview: this is how the public will see this page.');
    expect(await staff.headingText()).toBe('Town centre safety survey');
    await staff.checkAccessibility();
    await staff.press('Start now');
    expect(await session.page.locator('#preview').innerText()).toContain('Page 1 of');
    expect(await session.page.locator('main form[method="post"]').count()).toBe(0);
    await staff.checkAccessibility();

    // Open now asks first, then opens; Close now asks first, then closes, keeping the planned date.
    await staff.open(overview);
    await staff.press('Open now');
    expect(await staff.headingText()).toBe('Open this consultation now');
    expect(await session.page.locator('.govuk-warning-text').count()).toBe(1);
    await staff.checkAccessibility();
    await staff.press('Confirm: open it now');
    expect(await staff.banner()).toContain('Status is now: Open');
    await staff.press('Close now');
    expect(await staff.headingText()).toBe('Close this consultation now');
    await staff.checkAccessibility();
    await staff.press('Confirm: close it now');
    expect(await staff.banner()).toContain('Status is now: Closed');
    expect(await staff.summaryValue('Closes (planned)')).toBe('30 September 2099 at 11:59pm');
    expect(await staff.summaryValue('Closed early')).toMatch(/^\d+ \w+ 20\d\d at /);
    expect(await session.page.getByRole('button', { name: 'Reopen' }).count()).toBe(0);

    // An admin reopens it, with a reason.
    await staff.signOut();
    await (await new SignInPage(session.page, app.url).open(overview)).signIn('admin@saferplan.demo', app.demo.password);
    await staff.press('Reopen');
    await staff.checkAccessibility();
    await staff.press('Reopen consultation');
    expect(await staff.errorSummaryItems()).toEqual(['Enter why the consultation is being reopened']);
    await staff.checkAccessibility();
    await staff.fill('Why are you reopening it?', 'Closed by mistake');
    await staff.press('Reopen consultation');
    expect(await staff.banner()).toContain('Status is now: Open');
  });

  it('the builder keeps the question text typed before Add option and before Remove (JavaScript on)', { timeout: 120_000 }, async () => {
    const { id } = await createConsultation({
      db: app.handle.db,
      actor: cliActor(),
      partnershipId: app.demo.partnershipId,
      consultation: { template: 'crime-survey', title: 'Builder typing', opens: '2099-01-01', closes: '2099-02-01' },
    });
    const session = await sessions.open(browser);
    const path = `/staff/consultations/${id}/survey/questions/concerns`;
    await (await new SignInPage(session.page, app.url).open(path)).signIn('analyst@saferplan.demo', app.demo.password);
    const staff = new StaffPage(session.page, app.url);
    await staff.checkAccessibility();

    await staff.fill('Question text', 'Which of these worry you most round here?');
    await staff.fill('Add an option', 'Graffiti');
    await staff.press('Add option');
    expect(await staff.banner()).toContain('Survey saved as version 2');
    expect(await staff.page.getByLabel('Question text', { exact: true }).inputValue()).toBe('Which of these worry you most round here?');
    expect(await staff.page.locator('.app-builder-item', { hasText: 'graffiti: Graffiti' }).count()).toBe(1);

    await staff.fill('Hint (optional)', 'Choose up to three');
    await staff.press('Remove option drugs');
    expect(await staff.banner()).toContain('Survey saved as version 3');
    expect(await staff.page.getByLabel('Hint (optional)', { exact: true }).inputValue()).toBe('Choose up to three');
    expect(await staff.page.getByLabel('Question text', { exact: true }).inputValue()).toBe('Which of these worry you most round here?');
    expect(await staff.page.locator('.app-builder-item', { hasText: 'drugs:' }).count()).toBe(0);

    // A refused action shows everything typed again.
    await staff.fill('Question text', 'Typed, then refused');
    await staff.fill('Add an option', 'asb|Anti-social behaviour again');
    await staff.press('Add option');
    expect(await staff.errorSummaryItems()).toEqual(['"concerns" already has an option with the value "asb"']);
    expect(await staff.page.getByLabel('Question text', { exact: true }).inputValue()).toBe('Typed, then refused');
    expect(await staff.page.getByLabel('Add an option', { exact: true }).inputValue()).toBe('asb|Anti-social behaviour again');
    await staff.checkAccessibility();
  });

  it('the public hub searches and filters without JavaScript, and says "Opened" and "Closed" once closed', { timeout: 120_000 }, async () => {
    const { db } = app.handle;
    const partnershipId = app.demo.partnershipId;
    for (const [title, topics] of [
      ['Night-time safety survey', ['public-place']],
      ['Road safety survey', ['offending']],
    ] as const) {
      const { id } = await createConsultation({
        db,
        actor: cliActor(),
        partnershipId,
        consultation: { template: 'blank', title, opens: '2024-01-01', closes: '2099-01-01' },
      });
      await updateConsultation({ db, actor: cliActor(), partnershipId, consultationId: id, changes: { topics: [...topics] } });
      await changeConsultationStage({ db, actor: cliActor(), partnershipId, consultationId: id, action: 'open' });
      if (title.startsWith('Road')) await changeConsultationStage({ db, actor: cliActor(), partnershipId, consultationId: id, action: 'close' });
    }
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    const hub = new StaffPage(session.page, app.url);
    expect(await hub.open(HUB)).toBe(200);
    await hub.checkAccessibility();

    await hub.fill('Search consultations', 'safety');
    await session.page.getByLabel('Status').selectOption('closed');
    await hub.press('Search');
    expect(hub.path()).toBe(HUB);
    expect(new URL(session.page.url()).searchParams.get('status')).toBe('closed');
    expect(await session.page.locator('#found').innerText()).toBe('1 consultation found');
    const closed = session.page.locator('.app-consultation-list li');
    expect(await closed.locator('a').allInnerTexts()).toEqual(['Road safety survey']);
    expect(await closed.innerText()).toMatch(/Opened 1 January 2024\. Closed \d+ \w+ 20\d\d/);
    await hub.checkAccessibility();

    await session.page.getByLabel('Status').selectOption('');
    await session.page.getByLabel('Topic').selectOption('public-place');
    await hub.press('Search');
    // The first test's survey is also on public place safety; the road safety survey (offending) is not.
    const byTopic = await session.page.locator('.app-consultation-list a').allInnerTexts();
    expect(byTopic).toContain('Night-time safety survey');
    expect(byTopic).not.toContain('Road safety survey');
    await hub.follow('Clear search and filters');
    expect(hub.path()).toBe(HUB);
    await hub.checkAccessibility();
  });
});
