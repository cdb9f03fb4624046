import { describe, expect, it } from 'vitest';
import { SignInPage } from './pages/SignInPage.js';
import { SuggestionsPage } from './pages/SuggestionsPage.js';
import { demoSuite } from './support/demoSuite.js';

describe('suggested themes in Chromium', () => {
  const { suite, sessions } = demoSuite();

  it('lets an analyst tick and accept suggestions in bulk and add a candidate theme with JavaScript off, and passes axe', {
    timeout: 150_000,
  }, async () => {
    const { app, browser, crimeSurveyId } = suite();
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
    const suggestions = new SuggestionsPage(page, app.url);
    expect(await suggestions.open(crimeSurveyId)).toBe(200);
    expect(await suggestions.headingText()).toBe('Suggested themes');
    expect(await page.getByText('(approximate)').count()).toBeGreaterThan(0);
    // The demo's comments arrive two-thirds coded, so suggestions are learned from them: shown with their confidence,
    // the confident ones ticked already, the rest left for the analyst to choose.
    const shown = await suggestions.suggestionCount();
    expect(shown).toBeGreaterThan(0);
    expect(await suggestions.tickedSuggestions()).toBeLessThan(shown);
    await suggestions.checkAccessibility();

    await suggestions.untickAll();
    await suggestions.tick(2);
    expect(await suggestions.tickedSuggestions()).toBe(2);
    await suggestions.acceptTicked();
    expect(await page.getByText('The suggestions you ticked were saved as your coding.').count()).toBe(1);
    await suggestions.checkAccessibility();

    await suggestions.addFirstCandidate('Candidate from the browser');
    expect(await page.getByText('The theme was added to the codebook. Suggestions now include it.').count()).toBe(1);
    await suggestions.checkAccessibility();
  });
});
