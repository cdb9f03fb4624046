import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LlmSettingsPage } from './pages/LlmSettingsPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

describe('LLM settings in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  }, 150_000);
  const sessions = closeAfterTests(() => ({ browser, app }));

  it('lets an admin set the LLM with JavaScript off, explains a refusal, never shows the key, and passes axe', { timeout: 150_000 }, async () => {
    const { page } = await sessions.open(browser, { javaScriptEnabled: false });
    await new SignInPage(page, app.url).open();
    await new SignInPage(page, app.url).signIn('admin@saferplan.demo', app.demo.password);
    const llm = new LlmSettingsPage(page, app.url);
    expect(await llm.open(app.demo.partnershipId)).toBe(200);
    expect(await llm.headingText()).toBe('LLM for theme suggestions');
    await llm.checkAccessibility();

    await llm.save({ baseUrl: 'ftp://example.org', model: '', apiKey: 'sk-e2e-secret' });
    expect(await llm.errorSummaryItems()).toEqual([
      'Enter the base URL as an http:// or https:// address without a user name or password in it',
      'Enter the model name, like gpt-4o-mini or llama3.1',
    ]);
    expect(await llm.values()).toEqual({ baseUrl: 'ftp://example.org', model: '', apiKey: '' });
    await llm.checkAccessibility();

    await llm.save({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', apiKey: 'sk-e2e-secret' });
    expect(await page.getByText('The LLM settings were saved.').count()).toBe(1);
    expect(await page.getByText('A key is saved (it is never shown)').count()).toBe(1);
    expect(await page.content()).not.toContain('sk-e2e-secret');
    expect(await llm.values()).toEqual({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', apiKey: '' });
    await llm.checkAccessibility();

    await llm.remove();
    expect(await page.getByText('The LLM was removed. Theme suggestions go on without it.').count()).toBe(1);
    expect(await llm.values()).toEqual({ baseUrl: '', model: '', apiKey: '' });
    await llm.checkAccessibility();
  });
});
