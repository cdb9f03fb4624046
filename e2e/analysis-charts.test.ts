import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/loadDemo.js';
import { cliActor } from '../src/platform/recordAudit.js';
import { BasePage } from './pages/BasePage.js';
import { SignInPage } from './pages/SignInPage.js';
import { launchBrowser } from './support/browser.js';
import { type DemoApp, startDemoApp } from './support/demoApp.js';
import { closeAfterTests } from './support/teardown.js';

/** The dashboard's charts, contents, cross-tab box and print view (a page object kept beside its only test). */
class DashboardPage extends BasePage {
  async open(consultationId: string, query = ''): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/analysis${query}`);
  }
  charts() {
    return this.page.locator('figure.app-chart svg[role="img"]');
  }
  chart(id: string) {
    return this.page.locator(`svg[aria-labelledby="${id}-title ${id}-desc"]`);
  }
  /** Width of the page's content against the window's: a page that scrolls sideways has more. */
  async pageOverflow(): Promise<{ scrollWidth: number; viewport: number }> {
    const viewport = this.page.viewportSize()?.width ?? 0;
    const box = await this.page.locator('html').evaluate((el) => el.scrollWidth);
    return { scrollWidth: box, viewport };
  }
}

/** The whole dashboard (about 4,000 elements, 45 charts) loaded and checked by axe: allow for a busy machine. */
const HEAVY = 150_000;

describe('analysis dashboard: charts, contents, cross-tab box and print, in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;
  let crimeSurveyId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    ({ crimeSurveyId } = (await loadDemo(app.handle, cliActor())).consultations);
  });
  const sessions = closeAfterTests(() => ({ browser, app }));

  async function signedIn(options: { width: number; height: number; javaScript: boolean }): Promise<DashboardPage> {
    const session = await sessions.open(browser, {
      javaScriptEnabled: options.javaScript,
      viewport: { width: options.width, height: options.height },
      ...(options.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    const signIn = new SignInPage(session.page, app.url);
    await signIn.open();
    await signIn.signIn('analyst@saferplan.demo', app.demo.password);
    return new DashboardPage(session.page, app.url);
  }

  it(
    'desktop: a contents list, headline findings as sentences and charts, grid charts, a wide cross-tab in its own box with its total row',
    async () => {
      const page = await signedIn({ width: 1280, height: 900, javaScript: false });
      expect(await page.open(crimeSurveyId, '?xq=safe_dark&by=ward')).toBe(200);
      const contents = page.page.getByRole('navigation', { name: 'Contents' });
      for (const name of ['Headline findings', 'Headline indicators', 'Filters and weighting', 'Cross-tabulation', 'Results for every question']) {
        const href = await contents.getByRole('link', { name, exact: true }).getAttribute('href');
        expect(await page.page.locator(href ?? '#missing').count(), name).toBe(1);
      }
      await page.page.getByText('Go to a question').click();
      await contents.getByRole('link', { name: 'What is your ethnic group?' }).click();
      expect(page.page.url()).toMatch(/#q-ethnicity$/);

      // The demo's headline: 46.4% feel safe after dark against 81.1% by day.
      expect(
        await page.page
          .getByText(/^46\.4% feel very or fairly safe walking alone in the area after dark, compared with 81\.1% during the day/)
          .count(),
      ).toBe(1);
      expect(await page.page.getByText(/^The top concerns are fly-tipping \(56\.7%\)/).count()).toBe(1);
      for (const id of [
        'chart-headline-safety',
        'chart-headline-asb',
        'chart-headline-concerns',
        'chart-grid-safety_area',
        'chart-grid-asb_problems',
      ]) {
        expect(await page.chart(id).count(), id).toBe(1);
      }
      // Every chart carries its title, base and source on the picture.
      const charts = page.charts();
      const count = await charts.count();
      expect(count).toBeGreaterThan(30);
      for (let i = 0; i < count; i++) {
        const text = await charts.nth(i).locator('text').allTextContents();
        expect(text.join(' ')).toMatch(/Base: .*n = \d+/);
        expect(text.join(' ')).toContain('Source: Community Safety Crime Survey 2024, Coventry Community Safety Partnership (demo data).');
      }
      // The ethnic group chart: 19 groups, 19 bars.
      const ethnicity = page.chart('chart-ethnicity');
      expect(await ethnicity.locator('rect').count()).toBe(1 + 19);
      expect(await ethnicity.locator('text', { hasText: '…' }).count()).toBe(0);

      // The cross-tab by 18 wards is wider than the column: it scrolls inside its labelled box, not the page.
      const region = page.page.getByRole('region', { name: /after dark\? by ward: column percentages/ });
      expect(await region.getAttribute('tabindex')).toBe('0');
      const box = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.scroll).toBeGreaterThan(box.client);
      const overflow = await page.pageOverflow();
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
      const total = await region
        .getByRole('row', { name: /^Very or fairly safe \(total\)/ })
        .getByRole('cell')
        .allInnerTexts();
      expect(total.length).toBe(18);
      expect(total.every((t) => /^\d+\.\d%|Too small to publish/.test(t.trim()))).toBe(true);
      await page.checkAccessibility();
    },
    HEAVY,
  );

  it(
    'phone (390 px): nothing overflows the page and chart text is legible',
    async () => {
      const page = await signedIn({ width: 390, height: 844, javaScript: true });
      expect(await page.open(crimeSurveyId, '?xq=safe_dark&by=ward')).toBe(200);
      const overflow = await page.pageOverflow();
      expect(overflow.scrollWidth).toBeLessThanOrEqual(390);
      // Charts are drawn 440 units wide with 13-unit text: at the width shown, text of at least 10 CSS pixels.
      for (const id of ['chart-headline-safety', 'chart-grid-safety_area', 'chart-ethnicity']) {
        const shown = await page.chart(id).boundingBox();
        expect(shown?.width, id).toBeGreaterThan(340);
        expect(((shown?.width ?? 0) / 440) * 13, id).toBeGreaterThanOrEqual(10);
        const label = await page.chart(id).locator('text').nth(6).boundingBox();
        expect(label?.height ?? 0, id).toBeGreaterThanOrEqual(10);
      }
      await page.checkAccessibility();
    },
    HEAVY,
  );

  it(
    'prints as a clean document: no navigation, forms, filters or download links; charts and tables kept',
    async () => {
      const page = await signedIn({ width: 1280, height: 900, javaScript: true });
      await page.open(crimeSurveyId, '?xq=safe_dark&by=sex');
      expect(await page.page.getByRole('button', { name: 'Apply filters' }).isVisible()).toBe(true);
      await page.page.emulateMedia({ media: 'print' });
      for (const hidden of [
        page.page.getByRole('navigation', { name: 'Main' }),
        page.page.locator('.govuk-breadcrumbs'),
        page.signOutButton,
        page.page.getByRole('link', { name: 'Change your password' }),
        page.page.getByRole('button', { name: 'Apply filters' }),
        page.page.getByRole('button', { name: 'Show cross-tab' }),
        page.page.getByLabel('Ward', { exact: true }),
        page.page.getByRole('link', { name: /Download chart \(PNG\)/ }).first(),
        page.page.locator('.govuk-footer'),
      ]) {
        expect(await hidden.isVisible()).toBe(false);
      }
      expect(await page.page.locator('form:visible').count()).toBe(0);
      expect(await page.heading.isVisible()).toBe(true);
      expect(await page.chart('chart-headline-safety').isVisible()).toBe(true);
      expect(await page.chart('chart-grid-safety_area').isVisible()).toBe(true);
      expect(await page.page.getByRole('table', { name: /by sex: column percentages/ }).isVisible()).toBe(true);
      expect(await page.page.getByText(/feel very or fairly safe walking alone in the area after dark/).isVisible()).toBe(true);
      const pdf = await page.page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    },
    HEAVY,
  );

  it(
    'downloads a rating grid chart as SVG and PNG with its title, base and source',
    async () => {
      const page = await signedIn({ width: 1280, height: 900, javaScript: true });
      await page.open(crimeSurveyId);
      const at = `${app.url}/staff/consultations/${crimeSurveyId}/analysis/questions/safety_area`;
      const svg = await page.page.request.get(`${at}/chart.svg`);
      expect(svg.headers()['content-type']).toContain('image/svg+xml');
      const text = await svg.text();
      expect(text).toContain('>How safe do you feel walking alone in this area…</text>');
      expect(text).toMatch(/Base: those who answered each row/);
      expect(text).toMatch(/<desc [^>]*>.*Source: Community Safety Crime Survey 2024, Coventry Community Safety Partnership \(demo data\)\.<\/desc>/);
      const png = await page.page.request.get(`${at}/chart.png`);
      expect(png.headers()['content-type']).toBe('image/png');
      expect(png.headers()['content-disposition']).toBe('attachment; filename="safety_area.png"');
      const body = await png.body();
      expect(body.readUInt32BE(16)).toBe(880);
      // the page links to the same address
      const link = page.page.locator('a[href$="/questions/safety_area/chart.png"]');
      expect(await link.getAttribute('href')).toBe(`/staff/consultations/${crimeSurveyId}/analysis/questions/safety_area/chart.png`);
      expect(await link.textContent()).toBe('Download chart (PNG): How safe do you feel walking alone in this area…');
    },
    HEAVY,
  );
});
