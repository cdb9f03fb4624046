import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, openSession } from './browser.js';

// The harness itself: an axe check that could never fail would prove nothing.
describe('the browser helper', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`reports WCAG violations with where they are (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const session = await openSession(browser, { javaScriptEnabled });
      await session.page.route('http://saferplan.test/', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><html><head><title>t</title></head><body><main><h1>Bad</h1><img src="data:," id="no-alt"><input id="no-label"></main></body></html>',
        }),
      );
      await session.page.goto('http://saferplan.test/');
      const found = await axeViolations(session.page);
      await session.close();
      expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'label']));
      expect(found.join('\n')).toContain('#no-alt');
    });
  }
});
