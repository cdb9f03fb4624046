import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { crimeAnswers } from '../test-support/consultations.js';
import { buildConsultation, buildResponses } from '../test-support/factories.js';
import { ResponsesPages } from './pages/ResponsesPages.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

describe('managing responses in Chromium, JavaScript off', () => {
  let app: DemoApp;
  let browser: Browser;
  let consultationId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    const consultation = await buildConsultation({
      db: app.handle.db,
      partnershipId: app.demo.partnershipId,
      stage: 'open',
      title: 'Crime Survey 2027',
    });
    consultationId = consultation.id;
    await buildResponses({
      handle: app.handle,
      consultation,
      answers: [crimeAnswers('earlsdon', 'a_bit_unsafe'), crimeAnswers('wyken', 'very_safe')],
    });
    await buildResponses({ handle: app.handle, consultation, answers: [crimeAnswers('foleshill', 'fairly_safe')], channel: 'paper' });
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('an analyst finds a paper response, corrects it with a reason, and withdraws it; every page passes axe', { timeout: 240_000 }, async () => {
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(session.page, app.url).open().then((page) => page.signIn('analyst@saferplan.demo', app.demo.password));
    const pages = new ResponsesPages(session.page, app.url);

    // From the consultation's staff page to its responses.
    await session.page.goto(`${app.url}/staff/consultations/${consultationId}`);
    await pages.follow('Responses: view, correct or withdraw');
    expect(await pages.headingText()).toBe('Responses');
    expect(await pages.rows()).toHaveLength(3);
    await pages.checkAccessibility();

    // The GET filter form works without JavaScript.
    await pages.filterByChannel('Paper');
    expect(new URL(session.page.url()).searchParams.get('channel')).toBe('paper');
    const [row] = await pages.rows();
    expect(row?.slice(1)).toEqual(['Paper', expect.any(String), 'Foleshill', 'Counted']);
    await pages.checkAccessibility();

    // A bad date is named in the error summary.
    await pages.openList(consultationId, '?from-day=31&from-month=2&from-year=2026');
    expect(await pages.errorSummaryItems()).toEqual(['The "from" date must be a real date, like 27 3 2024']);
    await pages.checkAccessibility();

    // The response in full, with labels.
    await pages.openList(consultationId, '?channel=paper');
    const reference = row?.[0] ?? '';
    await pages.follow(reference);
    expect(await pages.headingText()).toBe(`Response ${reference}`);
    expect(await pages.summary()).toMatchObject({ Status: 'Counted', Channel: 'Paper', Version: '1 (never corrected)' });
    expect(Object.values(await pages.summary(1))).toContain('Foleshill');
    await pages.checkAccessibility();

    // Correct it: a reason is required; the answers replaced become version 1.
    await pages.follow('Correct this response');
    expect(await pages.headingText()).toBe(`Correct response ${reference}`);
    await pages.checkAccessibility();
    await pages.choose('safe_dark', 'very_unsafe');
    await pages.press('Save the correction');
    expect(await pages.errorSummaryItems()).toEqual(['Enter why you are correcting this response']);
    await pages.checkAccessibility();
    await pages.giveReason('Keyed in from the wrong form');
    await pages.press('Save the correction');
    expect(await pages.notice()).toContain('Response corrected.');
    expect(await pages.summary()).toMatchObject({ Version: '2 (corrected once)' });
    expect(await pages.rows()).toEqual([[expect.stringContaining('after dark'), 'Fairly safe', 'Very unsafe']]);
    await pages.checkAccessibility();

    // Withdraw it, with a reason.
    await pages.follow('Withdraw this response');
    expect(await pages.headingText()).toBe(`Withdraw response ${reference}`);
    await pages.checkAccessibility();
    await pages.press('Withdraw response');
    expect(await pages.errorSummaryItems()).toEqual(['Enter why you are withdrawing this response']);
    await pages.checkAccessibility();
    await pages.giveReason('The same paper form was keyed in twice');
    await pages.press('Withdraw response');
    expect(await pages.notice()).toContain('Response withdrawn.');
    expect(await pages.summary()).toMatchObject({ 'Reason for withdrawal': 'The same paper form was keyed in twice' });
    await pages.checkAccessibility();

    await pages.openList(consultationId);
    const listed = await pages.rows();
    expect(listed.find((r) => r[0] === reference)?.[4]).toBe('Withdrawn');
    await pages.checkAccessibility();
  });
});
