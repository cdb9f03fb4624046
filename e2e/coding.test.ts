import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/loadDemo.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { CodingPages } from './pages/CodingPages.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

describe('theme coding in Chromium, JavaScript off', () => {
  let app: DemoApp;
  let browser: Browser;
  let crimeSurveyId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    crimeSurveyId = (await loadDemo(app.handle, cliActor())).consultations.crimeSurveyId;
  }, 150_000);
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('an analyst takes the demo comments from raw to coded, quoted, counted themes; every page passes axe', { timeout: 240_000 }, async () => {
    const session = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(session.page, app.url).open().then((page) => page.signIn('analyst@saferplan.demo', app.demo.password));
    const pages = new CodingPages(session.page, app.url);

    // The overview: the question, how many are coded, the way in.
    expect(await pages.open(crimeSurveyId)).toBe(200);
    expect(await pages.headingText()).toBe('Theme coding');
    const [row] = await pages.tableRows();
    const [, answers = '0', coded = '0'] = row ?? [];
    expect(Number(coded)).toBeLessThan(Number(answers));
    await pages.checkAccessibility();

    // The codebook: add a theme for something residents keep raising.
    await pages.follow(`The codebook: ${(/The codebook: (\d+) themes/.exec(await pages.bodyText()) ?? [])[1]} themes`);
    expect(await pages.headingText()).toBe('Codebook');
    await pages.checkAccessibility();
    await pages.press('Add the theme');
    expect(await pages.errorSummaryItems()).toEqual(['Enter the theme’s name']);
    await pages.checkAccessibility();
    await pages.fill('Name', 'Late-night transport');
    await pages.fill('Description (optional)', 'Buses, taxis and safe routes home at night');
    await pages.press('Add the theme');
    expect(await pages.notice()).toBe('The theme was added.');
    await pages.checkAccessibility();

    // A theme's page: merge CCTV into Street lighting, then split Police visibility (its codings stay on it).
    await pages.follow('CCTV');
    expect(await pages.headingText()).toBe('CCTV');
    await pages.checkAccessibility();
    await pages.select('Theme to keep', 'Street lighting');
    await pages.press('Merge');
    expect(await pages.notice()).toContain('The themes were merged');
    await pages.follow('Police visibility');
    await pages.follow('Split Police visibility into two or more themes');
    expect(await pages.headingText()).toBe('Split Police visibility');
    await pages.checkAccessibility();
    await pages.fill('The new themes, one a line', 'Foot patrols\nResponse times');
    await pages.press('Continue');
    await pages.checkAccessibility();
    await pages.press('Split the theme');
    expect(await pages.notice()).toContain('The theme was split');

    // The answers not coded yet, one at a time, with the keyboard.
    await pages.open(crimeSurveyId, '/answers?filter=uncoded');
    expect(await pages.headingText()).toBe('Answers to code');
    const before = await pages.answerCount();
    expect(before).toBeGreaterThan(50);
    await pages.checkAccessibility();
    await pages.follow('Code these one at a time');
    expect(await pages.headingText()).toBe('What one thing would make you feel safer?');
    await pages.checkAccessibility();
    const first = await pages.answerText();
    await pages.tickThemes(['Street lighting', 'Late-night transport']);
    await pages.writeNote('Two themes');
    await pages.markQuotable();
    await pages.saveAndNext();
    expect(await pages.notice()).toBe('The last answer was saved.');
    expect(await pages.answerText()).not.toBe(first);
    await pages.checkAccessibility();
    for (const theme of ['Drugs', 'Youth provision']) {
      await pages.tickThemes([theme]);
      await pages.saveAndNext();
    }
    await pages.open(crimeSurveyId, '/answers?filter=uncoded');
    expect(await pages.answerCount()).toBe(before - 3);

    // The list: filter to a theme; add a theme to several answers at once.
    await pages.select('With the theme', 'Late-night transport');
    await pages.select('Show', 'All answers');
    await pages.press('Show answers');
    expect(await pages.answerCount()).toBe(1);
    await pages.checkAccessibility();
    await pages.open(crimeSurveyId, '/answers?filter=uncoded');
    await session.page
      .getByRole('checkbox', { name: /^Select / })
      .nth(0)
      .check();
    await session.page
      .getByRole('checkbox', { name: /^Select / })
      .nth(1)
      .check();
    await pages.select('Add a theme to the answers selected', 'Anti-social behaviour');
    await pages.press('Add the theme');
    expect(await pages.notice()).toBe('The theme was added to the answers you selected.');
    expect(await pages.answerCount()).toBe(before - 5);
    await pages.checkAccessibility();

    // Flagged answers can be found.
    await pages.open(crimeSurveyId, '/answers?filter=flagged');
    await pages.checkAccessibility();

    // The blind sample and the agreement it gives.
    await pages.open(crimeSurveyId, '/blind');
    expect(await pages.headingText()).toBe('Blind second coding');
    await pages.checkAccessibility();
    await pages.fill('How many answers', 'many');
    await pages.press('Draw at random');
    expect(await pages.errorSummaryItems()).toEqual(['Enter how many answers to draw, a whole number of 1 or more']);
    await pages.checkAccessibility();
    await pages.fill('How many answers', '5');
    await pages.press('Draw at random');
    expect(await pages.notice()).toContain('The sample was drawn');
    await pages.press('Code the sample blind');
    expect(await pages.bodyText()).toContain('You are coding blind');
    expect(await pages.checkedThemes()).toEqual([]);
    await pages.checkAccessibility();
    await pages.open(crimeSurveyId, '/agreement');
    expect(await pages.headingText()).toBe('Agreement between coders');
    expect(await pages.bodyText()).toMatch(/Overall kappa \(pooled over themes\)\s+0\.\d\d/);
    await pages.checkAccessibility();

    // Counted themes with intervals, by ward, and the quote chosen above.
    await pages.open(crimeSurveyId, '/results');
    expect(await pages.headingText()).toBe('Themes raised');
    const results = await pages.tableRows();
    const lighting = results.find((r) => r[0] === 'Street lighting');
    expect(lighting?.[1]).toMatch(/^\d+\.\d% \(\d+ of \d+\)$/);
    expect(lighting?.[2]).toMatch(/^\d+\.\d to \d+\.\d$/);
    expect(results.find((r) => r[0] === 'Late-night transport')?.[1]).toMatch(/\(1 of \d+\)/);
    expect(await pages.bodyText()).toContain(first.slice(0, 30));
    await pages.checkAccessibility();
    await pages.select('Break down by', 'Ward');
    await pages.press('Show results');
    expect(await pages.bodyText()).toContain('By ward');
    await pages.checkAccessibility();
  });
});
