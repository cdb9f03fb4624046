import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { type BrowserSession, openSession } from './browser.js';
import type { DemoApp } from './demoApp.js';

/**
 * The teardown every browser suite shares. Sessions opened through the returned `open` are closed after each
 * test, which fails if the session recorded problems (console errors, CSP violations, failed sub-resources);
 * after the suite the browser and the app close.
 */
export function closeAfterTests(suite: () => { browser?: Browser; app?: DemoApp }): {
  open(browser: Browser, options?: BrowserContextOptions): Promise<BrowserSession>;
} {
  let current: BrowserSession | undefined;
  afterAll(async () => {
    const { browser, app } = suite();
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    const session = current;
    current = undefined;
    const problems = session?.problems ?? [];
    await session?.close();
    expect(problems).toEqual([]);
  });
  return {
    async open(browser, options = {}) {
      current = await openSession(browser, options);
      return current;
    },
  };
}
