import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInvitations } from '../src/consultations/invitations/createInvitations.js';
import { PLAN_THEMES } from '../src/partnerships/demo/coventry.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { openConsultation } from '../test-support/consultations.js';
import { CheckAnswersPage, ConsultationPage, whoSeesAnswers } from './pages/SurveyPages.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

const PARTNERSHIP = 'Coventry Community Safety Partnership';
const NAMED = `Your answers are linked to your name. The community safety team (analysts and administrators of ${PARTNERSHIP}) can see who answered and what they said; published results do not name anyone.`;
const THEMES_QUESTION = 'How important is each theme for the people in your ward?';

describe("answering the members' survey through a personal link in Chromium", () => {
  let app: DemoApp;
  let browser: Browser;
  let link: string;
  let base: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp({ submissionRateLimit: 0 }), launchBrowser()]);
    const { partnershipId, consultationId, slug } = await openConsultation(app.handle, 'members-survey', "Members' survey 2025");
    const {
      created: [invitation],
    } = await createInvitations({
      db: app.handle.db,
      actor: cliActor(),
      partnershipId,
      consultationId,
      invitees: [{ email: 'cllr.e2e@example.gov.uk', name: 'Cllr E2E' }],
    });
    link = `${app.url}${invitation?.link}`;
    base = `${app.url}/p/coventry-community-safety-partnership/${slug}`;
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('says on the landing, start, check and confirmation pages that staff can see who answered, every page passing axe', async () => {
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    session.page.setDefaultTimeout(10_000);
    // The personal link opens the consultation's own page first (why we ask, privacy), then Start now.
    await session.page.goto(link);
    const landing = new ConsultationPage(session.page, app.url);
    expect(landing.path()).toBe(new URL(base).pathname);
    expect(await landing.headingText()).toBe("Members' survey 2025");
    expect(await whoSeesAnswers(session.page)).toBe(NAMED);
    await landing.checkAccessibility();
    const q = await landing.startNow();
    expect(await q.headingText()).toBe('Your ward');
    expect(await whoSeesAnswers(session.page)).toBe(NAMED);
    await q.checkAccessibility();

    await session.page.goto(base);
    expect(await whoSeesAnswers(session.page)).toBe(NAMED);
    expect((await session.page.content()).toLowerCase()).not.toContain('anonymous');
    await q.checkAccessibility();

    await session.page.goto(`${base}/questions/your_ward`);
    await q.select('Which ward do you represent?', 'Earlsdon');
    for (const [choice, concern] of [
      ['1st choice', 'People using or dealing drugs'],
      ['2nd choice', 'Anti-social behaviour'],
      ['3rd choice', 'Burglary'],
    ] as const) {
      await q.select(choice, concern);
    }
    await q.continue();
    expect(await q.headingText()).toBe('The plan themes');
    for (const theme of PLAN_THEMES) await q.choose([THEMES_QUESTION, theme.title], 'Very important');
    await q.continue();
    await q.continue();

    const check = new CheckAnswersPage(session.page, app.url);
    expect(await check.headingText()).toBe('Check your answers before sending them');
    expect(await whoSeesAnswers(session.page)).toBe(NAMED);
    await check.checkAccessibility();

    const confirmation = await check.send();
    expect(await confirmation.headingText()).toBe('Response submitted');
    expect(await whoSeesAnswers(session.page)).toBe(NAMED);
    expect((await session.page.content()).toLowerCase()).not.toContain('anonymous');
    await confirmation.checkAccessibility();
  }, 120_000);
});
