import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { crimeAnswers } from '../test-support/consultations.js';
import { buildConsultation, buildResponses } from '../test-support/factories.js';
import { DataProtectionPages } from './pages/DataProtectionPages.js';
import { SignInPage } from './pages/SignInPage.js';
import { checkAccessibility, launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

describe('data protection in Chromium, JavaScript off', () => {
  let app: DemoApp;
  let browser: Browser;
  let consultationId: string;
  let reference: string;
  let hub: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp({ submissionRateLimit: 0 }), launchBrowser()]);
    const consultation = await buildConsultation({
      db: app.handle.db,
      partnershipId: app.demo.partnershipId,
      stage: 'closed',
      title: 'Closed survey 2026',
    });
    consultationId = consultation.id;
    await buildResponses({ handle: app.handle, consultation, answers: [crimeAnswers('earlsdon', 'fairly_safe')] });
    ({ reference } = await app.handle.db
      .selectFrom('responses')
      .select('reference')
      .where('consultation_id', '=', consultationId)
      .executeTakeFirstOrThrow());
    const { slug } = await app.handle.db.selectFrom('partnerships').select('slug').where('id', '=', app.demo.partnershipId).executeTakeFirstOrThrow();
    hub = `/p/${slug}`;
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('a respondent asks to withdraw with their reference, an admin confirms it, and the subject access search works; every page passes axe', {
    timeout: 150_000,
  }, async () => {
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    const pages = new DataProtectionPages(page, app.url);
    expect(await pages.open(`${hub}/withdraw`)).toBe(200);
    expect(await pages.headingText()).toBe('Withdraw your response');
    await checkAccessibility(page);
    await pages.requestWithdrawal('nonsense');
    expect(await pages.errorSummaryItems()).toEqual(['Enter your reference number as it was shown to you, like K7M2-9QXA-3F']);
    await checkAccessibility(page);
    await pages.requestWithdrawal(reference, 'Sent by mistake');
    expect(await pages.headingText()).toBe('Request received');
    await checkAccessibility(page);

    await new SignInPage(page, app.url).open().then((p) => p.signIn('admin@saferplan.demo', app.demo.password));
    expect(await pages.open(`/staff/consultations/${consultationId}/data-protection`)).toBe(200);
    expect(await pages.headingText()).toBe('Data protection');
    expect(await page.getByText('Sent by mistake').count()).toBe(1);
    await checkAccessibility(page);
    await pages.confirmFirstRequest();
    expect(await page.getByText('The request was confirmed and the response withdrawn.').count()).toBe(1);
    await checkAccessibility(page);
    const stored = await app.handle.db.selectFrom('responses').select('withdrawn_at').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(stored.withdrawn_at).not.toBeNull();

    expect(await pages.open(`/staff/partnerships/${app.demo.partnershipId}/subject-access`)).toBe(200);
    await checkAccessibility(page);
    await pages.search('admin@saferplan');
    expect(await page.getByText('admin@saferplan.demo').count()).toBeGreaterThan(0);
    await checkAccessibility(page);
  });
});
