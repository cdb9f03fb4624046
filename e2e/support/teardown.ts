import type { Browser } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import type { BrowserSession } from './browser.js';
import type { DemoApp } from './demoApp.js';

/**
 * The teardown every browser suite shares: after each test its session is closed and must have recorded no
 * problems (console errors, CSP violations, failed sub-resources); after the suite the browser and app close.
 * `take` hands over the test's session and forgets it.
 */
export function closeAfterTests(take: () => BrowserSession | undefined, suite: () => { browser?: Browser; app?: DemoApp }): void {
  afterAll(async () => {
    const { browser, app } = suite();
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    const session = take();
    const problems = session?.problems ?? [];
    await session?.close();
    expect(problems).toEqual([]);
  });
}
