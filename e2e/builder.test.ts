import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeConsultationStage } from '../src/consultations/changeConsultationStage.js';
import { createConsultation } from '../src/consultations/createConsultation.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { VALID_CRIME_ANSWERS } from '../test-support/consultations.js';
import { BasePage } from './pages/BasePage.js';
import { SignInPage } from './pages/SignInPage.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const ANALYST = 'analyst@saferplan.demo';

/** The staff survey builder's pages, driven through their real forms. */
class SurveyBuilderPage extends BasePage {
  async open(path: string): Promise<number> {
    return this.visit(path);
  }

  /** The question codes on the overview, in survey order. */
  async questionCodes(): Promise<string[]> {
    return (await this.page.locator('.govuk-summary-card__title').allInnerTexts()).map((t) => t.trim());
  }

  async editQuestion(code: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name: `Edit question (${code})`, exact: true }).click()]);
  }

  async submit(button: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: button, exact: true }).click()]);
  }

  async notice(): Promise<string> {
    return (await this.page.locator('.govuk-notification-banner').innerText()).trim();
  }
}

describe('survey builder in Chromium with JavaScript off', () => {
  let app: DemoApp;
  let browser: Browser;
  let session: BrowserSession | undefined;
  let survey: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp({ submissionRateLimit: 0 }), launchBrowser()]);
    const { db } = app.handle;
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { id } = await createConsultation({
      db,
      actor: cliActor(),
      partnershipId: app.demo.partnershipId,
      consultation: { template: 'crime-survey', title: 'Builder Crime Survey', opens: '2024-01-01', closes },
    });
    await changeConsultationStage({ db, actor: cliActor(), partnershipId: app.demo.partnershipId, consultationId: id, action: 'open' });
    const res = await fetch(`${app.url}/api/v1/consultations/${id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: VALID_CRIME_ANSWERS }),
    });
    expect(res.status).toBe(201);
    survey = `/staff/consultations/${id}/survey`;
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it("an analyst fixes a question's wording through the real form, and every builder page passes axe", { timeout: 120_000 }, async () => {
    session = await sessions.open(browser, { javaScriptEnabled: false });
    const signIn = await new SignInPage(session.page, app.url).open(survey);
    await signIn.signIn(ANALYST, app.demo.password);
    const builder = new SurveyBuilderPage(session.page, app.url);
    expect(builder.path()).toBe(survey);
    expect(await builder.headingText()).toBe('Survey: Builder Crime Survey');
    expect(await session.page.locator('.govuk-warning-text').innerText()).toContain(
      'This survey has 1 response: you can fix wording, but not remove questions or options or change their type',
    );
    expect((await builder.questionCodes()).slice(0, 3)).toEqual(['ward', 'postcode', 'safety_area']);
    await builder.checkAccessibility();

    await builder.editQuestion('feel_safer');
    expect(builder.path()).toBe(`${survey}/questions/feel_safer`);
    await builder.checkAccessibility();

    // A blank question text is refused with the GOV.UK error summary linking to the field.
    const label = session.page.getByLabel('Question text');
    await label.fill('');
    await builder.submit('Save changes');
    expect(await builder.errorSummaryItems()).toEqual(['Enter the question text']);
    expect(await session.page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#label');
    await builder.checkAccessibility();

    await label.fill('What one thing would make you feel safer where you live?');
    await builder.submit('Save changes');
    expect(builder.path()).toBe(survey);
    expect(await builder.notice()).toContain('Survey saved as version 2');
    expect(await session.page.locator('#q-feel_safer').innerText()).toContain('What one thing would make you feel safer where you live?');
    await builder.checkAccessibility();

    // Removing an option with stored answers is refused with the explanation.
    await builder.editQuestion('concerns');
    await session.page.getByRole('button', { name: 'Remove option drugs', exact: true }).click();
    await session.page.waitForLoadState('load');
    expect(await builder.errorSummaryItems()).toContain(
      'Option "drugs" of "concerns" may have stored answers, so it cannot be removed (you can reword its label)',
    );
    await builder.checkAccessibility();

    for (const path of [`${survey}/pages/one_thing/questions/new`, `${survey}/pages/new`, `${survey}/pages/one_thing`, `${survey}/json`]) {
      expect(await builder.open(path)).toBe(200);
      await builder.checkAccessibility();
    }
    // The add-a-question form with errors, and the JSON editor with a zod path in its error summary.
    await builder.open(`${survey}/pages/one_thing/questions/new`);
    await builder.submit('Add question');
    expect(await builder.errorSummaryItems()).toEqual(expect.arrayContaining(['Select the type of question']));
    await builder.checkAccessibility();
    await builder.open(`${survey}/json`);
    await session.page.getByLabel('Survey definition').fill('{"schemaVersion": 1, "title": "", "pages": []}');
    await builder.submit('Save survey');
    expect(await builder.errorSummaryItems()).toEqual(['title: Enter the survey title', 'pages: Add at least one page']);
    await builder.checkAccessibility();
  });
});
