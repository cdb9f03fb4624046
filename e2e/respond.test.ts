import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openConsultation } from '../test-support/consultations.js';
import { CheckAnswersPage, HubPage, QuestionPage, whoSeesAnswers } from './pages/SurveyPages.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const PARTNERSHIP = 'coventry-community-safety-partnership';
const TITLE = 'Crime Survey 2025';
const AREA = 'How safe do you feel walking alone in this area…';
const CENTRE = 'How safe do you feel walking alone in the city centre…';

describe('answering the Crime Survey in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;
  let slug: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp({ submissionRateLimit: 0 }), launchBrowser()]);
    ({ slug } = await openConsultation(app.handle, 'crime-survey', TITLE));
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  describe('with JavaScript off, on a phone-sized screen', () => {
    it('goes from the hub to the confirmation page through real clicks, every page passing axe (WCAG 2.2 AA)', async () => {
      const session = await sessions.open(browser, { javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
      session.page.setDefaultTimeout(10_000);
      const hub = new HubPage(session.page, app.url);
      expect(await hub.open(PARTNERSHIP)).toBe(200);
      await hub.checkAccessibility();

      const consultation = await hub.openConsultation(TITLE);
      expect(await consultation.headingText()).toBe(TITLE);
      await consultation.checkAccessibility();

      const q = await consultation.startNow();
      const answerPage = async (heading: string, answer: () => Promise<void>) => {
        expect(await q.headingText()).toBe(heading);
        await q.checkAccessibility();
        await answer();
        await q.continue();
      };

      await answerPage('Where you live', async () => {
        await q.select('Which ward do you live in?', 'Earlsdon');
        await q.fill('What is your postcode?', 'CV5 6AB');
      });

      // Nothing chosen on a page with required questions: the error summary links to each field.
      expect(await q.headingText()).toBe('Feeling safe');
      await q.continue();
      expect(await q.headingText()).toBe('Feeling safe');
      const targets = await q.errorLinkTargets();
      expect(targets).toEqual(['safe_day', 'safe_dark', 'safe_centre_day', 'safe_centre_dark']);
      for (const id of targets) expect(await q.hasElementWithId(id)).toBe(true);
      await q.checkAccessibility();

      await answerPage('Feeling safe', async () => {
        await q.choose([AREA, 'during the day?'], 'Very safe');
        await q.choose([AREA, 'after dark?'], 'A bit unsafe');
        await q.choose([CENTRE, 'during the day?'], 'Fairly safe');
        await q.choose([CENTRE, 'after dark?'], 'Very unsafe');
      });
      await answerPage('Problems in your area', async () => {
        await q.choose(['How much of a problem are the following in your area?', 'Fly-tipping'], 'A very big problem');
        await q.tick('Which of these concern you most in your area?', ['Fly-tipping', 'Anti-social behaviour']);
      });
      await answerPage('Worry about crime', async () => undefined);
      await answerPage('Your experience of crime', async () => {
        await q.choose(['In the last 12 months, have you been a victim of crime or anti-social behaviour in this area?'], 'Yes');
      });
      await answerPage('Your experience of crime', async () => {
        await q.choose(['Did you report it to the police or the council?'], 'No');
      });
      await answerPage('Your experience of crime', async () => {
        await q.tick('Why did you not report it?', ['I did not know how to report it']);
      });
      await answerPage('The police and the council', async () => undefined);
      await answerPage('Making you feel safer', async () => {
        await q.fill('What one thing would make you feel safer?', 'More lighting in the park');
      });
      await answerPage('About you', async () => {
        await q.choose(['What is your age?'], '35 to 44');
      });

      const check = new CheckAnswersPage(session.page, app.url);
      expect(await check.headingText()).toBe('Check your answers before sending them');
      await check.checkAccessibility();
      expect(await check.answer('Which ward do you live in?')).toBe('Earlsdon');
      expect(await check.answer('What is your postcode?')).toBe('CV5 6 (we keep only this part)');
      expect(await check.answer('Did you report it')).toBe('No');

      const confirmation = await check.send();
      expect(await confirmation.headingText()).toBe('Response submitted');
      const reference = await confirmation.reference();
      expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      expect(await whoSeesAnswers(session.page)).toBe('Your answers are anonymous unless you choose to tell us who you are.');
      await confirmation.checkAccessibility();

      const row = await app.handle.db
        .selectFrom('responses')
        .select(['answers', 'channel'])
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow();
      expect(row.channel).toBe('online');
      expect(JSON.parse(row.answers)).toMatchObject({
        ward: 'earlsdon',
        postcode: 'CV5 6',
        safe_dark: 'a_bit_unsafe',
        concerns: ['fly_tipping', 'asb'],
        victim_reported: 'no',
        age_band: 'age_35_44',
      });
    }, 180_000);
  });

  describe('with JavaScript on', () => {
    it('the first question page runs GOV.UK Frontend without errors and passes axe', async () => {
      const session = await sessions.open(browser);
      const q = new QuestionPage(session.page, app.url);
      const response = await session.page.goto(`${app.url}/p/${PARTNERSHIP}/${slug}/questions/where_you_live`);
      expect(response?.status()).toBe(200);
      expect(await q.headingText()).toBe('Where you live');
      expect(await session.page.locator('body.govuk-frontend-supported').count()).toBe(1);
      await q.checkAccessibility();
      await q.select('Which ward do you live in?', 'Earlsdon');
      await q.continue();
      expect(await q.headingText()).toBe('Feeling safe');
      await q.checkAccessibility();
    });
  });
});
