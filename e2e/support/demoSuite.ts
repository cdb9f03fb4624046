import type { Browser } from 'playwright-core';
import { beforeAll } from 'vitest';
import { loadDemo } from '../../src/demo/loadDemo.js';
import { cliActor } from '../../src/platform/recordAudit.js';
import { launchBrowser } from './browser.js';
import { type DemoApp, startDemoApp } from './demoApp.js';
import { closeAfterTests } from './teardown.js';

/**
 * A browser suite over the whole demo (its consultations loaded): the app and Chromium start before the suite and
 * close after it; `suite()` gives them to the tests, `sessions` opens checked browser sessions.
 */
export function demoSuite() {
  const state = {} as { app: DemoApp; browser: Browser; crimeSurveyId: string };
  beforeAll(async () => {
    [state.app, state.browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    state.crimeSurveyId = (await loadDemo(state.app.handle, cliActor())).consultations.crimeSurveyId;
  }, 150_000);
  const sessions = closeAfterTests(() => state);
  return { suite: () => state, sessions };
}
