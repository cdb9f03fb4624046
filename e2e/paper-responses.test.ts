import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConsultation } from '../test-support/factories.js';
import { ImportPage, KeyInPage } from './pages/PaperResponsesPages.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

describe('paper responses in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  for (const javaScriptEnabled of [true, false]) {
    const js = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

    it(`keys in a paper form left partly blank, with the date it came in, and passes axe (${js})`, async () => {
      const { id } = await buildConsultation({
        db: app.handle.db,
        partnershipId: app.demo.partnershipId,
        template: 'crime-survey',
        title: `Paper ${js}`,
        stage: 'open',
      });
      const { page } = await sessions.open(browser, { javaScriptEnabled });
      await new SignInPage(page, app.url).open();
      await new SignInPage(page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
      const keyIn = new KeyInPage(page, app.url);
      expect(await keyIn.open(id)).toBe(200);
      await keyIn.checkAccessibility();

      await keyIn.enter({ day: '1', month: '1', year: '2099' }, []);
      expect(await keyIn.errorSummaryItems()).toEqual(['Date received must be today or in the past']);
      await keyIn.checkAccessibility();

      await keyIn.enter({ day: '5', month: '2', year: '2024' }, [{ label: 'during the day?', option: 'Very safe' }]);
      expect(await keyIn.successText()).toMatch(/Response saved\. Reference [A-Z0-9-]+\. Write it on the paper form\./);
      const stored = await app.handle.db
        .selectFrom('responses')
        .select(['answers', 'submitted_at'])
        .where('consultation_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.submitted_at).toBe('2024-02-05T00:00:00.000Z');
      expect(JSON.parse(stored.answers)).toMatchObject({ safe_day: 'very_safe', safe_dark: null });
    });

    it(`asks before importing the same file again, and passes axe (${js})`, async () => {
      const { id } = await buildConsultation({
        db: app.handle.db,
        partnershipId: app.demo.partnershipId,
        template: 'crime-survey',
        title: `Import ${js}`,
        stage: 'open',
      });
      const { page } = await sessions.open(browser, { javaScriptEnabled });
      await new SignInPage(page, app.url).open();
      await new SignInPage(page, app.url).signIn('analyst@saferplan.demo', app.demo.password);
      const imports = new ImportPage(page, app.url);
      expect(await imports.open(id)).toBe(200);
      await imports.checkAccessibility();
      const file = { name: 'library-forms.csv', text: 'ward,safe_day,submitted_at\nFoleshill,Fairly safe,05/02/2024\n' };
      await imports.upload(file);
      expect(await imports.panelText()).toBe('Responses imported 1 response was imported');
      expect(new URL(page.url()).search).toBe('?imported=1');

      await imports.open(id);
      await imports.upload(file);
      expect((await imports.errorSummaryItems())[0]).toMatch(/^This file was imported before: "library-forms.csv", 1 response, on /);
      await imports.checkAccessibility();
      await imports.upload(file, true);
      expect(await imports.panelText()).toBe('Responses imported 1 response was imported');
    });
  }
});
