import { BasePage } from './BasePage.js';

/** A consultation's responses (/staff/consultations/:id/responses), one response, and its correction and withdrawal forms. */
export class ResponsesPages extends BasePage {
  async openList(consultationId: string, query = ''): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/responses${query}`);
  }

  /** Follows a link by its text and waits for the next page. */
  async follow(name: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name, exact: true }).click()]);
  }

  /** Presses a button by its name and waits for the next page. */
  async press(name: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name, exact: true }).click()]);
  }

  /** The list's rows: each cell's text. */
  async rows(): Promise<string[][]> {
    const rows = await this.page.locator('table tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('td, th').allInnerTexts()).map((t) => t.trim())));
  }

  async filterByChannel(label: string): Promise<void> {
    await this.page.getByLabel('Channel', { exact: true }).selectOption({ label });
    await this.press('Apply filters');
  }

  /** A summary list (the first on the page unless given) as key to value. */
  async summary(index = 0): Promise<Record<string, string>> {
    return this.summaryListOf(this.page.locator('.govuk-summary-list').nth(index));
  }

  async notice(): Promise<string | null> {
    const banner = this.page.locator('.govuk-notification-banner__content');
    return (await banner.count()) ? (await banner.innerText()).trim() : null;
  }

  /** Chooses a radio answer by its question code and option value (the radios' own names and values). */
  async choose(code: string, value: string): Promise<void> {
    await this.page.locator(`input[type="radio"][name="${code}"][value="${value}"]`).check();
  }

  async giveReason(text: string): Promise<void> {
    await this.page.locator('#_reason').fill(text);
  }
}
