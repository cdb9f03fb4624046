import type { Locator, Page } from 'playwright-core';
import { checkAccessibility } from '../support/browser.js';

/** What every SaferPlan page has: one h1, the GOV.UK error summary when a form failed, and the sign-out bar. */
export class BasePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Goes to a path on the app and returns the HTTP status of the page itself. */
  protected async visit(path: string): Promise<number> {
    const response = await this.page.goto(new URL(path, this.baseUrl).toString());
    return response?.status() ?? 0;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async headingText(): Promise<string> {
    return (await this.heading.innerText()).trim();
  }

  get errorSummary(): Locator {
    return this.page.locator('.govuk-error-summary');
  }

  async errorSummaryItems(): Promise<string[]> {
    return (await this.errorSummary.locator('.govuk-error-summary__list li').allInnerTexts()).map((t) => t.trim());
  }

  get signOutButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign out' });
  }

  async signedInAs(): Promise<string | null> {
    const bar = this.page.locator('.app-signed-in-bar');
    return (await bar.count()) ? (await bar.innerText()).replace(/\s*Sign out\s*$/, '').trim() : null;
  }

  /** Signs out through the real form (a POST with the CSRF token); lands on the home page. */
  async signOut(): Promise<void> {
    await Promise.all([this.page.waitForURL((url) => url.pathname === '/'), this.signOutButton.click()]);
  }

  /** A GOV.UK summary list as key to value. */
  protected async summaryListOf(list: Locator): Promise<Record<string, string>> {
    const entries: [string, string][] = [];
    for (const row of await list.locator('.govuk-summary-list__row').all()) {
      entries.push([
        (await row.locator('.govuk-summary-list__key').innerText()).trim(),
        (await row.locator('.govuk-summary-list__value').innerText()).trim(),
      ]);
    }
    return Object.fromEntries(entries);
  }

  path(): string {
    return new URL(this.page.url()).pathname;
  }

  /** axe-core, WCAG 2.2 AA: throws listing the violations. */
  async checkAccessibility(): Promise<void> {
    await checkAccessibility(this.page, this.path());
  }
}
