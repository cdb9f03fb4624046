import { BasePage } from './BasePage.js';

/** One user's page (/staff/users/:id): their details and the forms that change them. */
export class UserPage extends BasePage {
  /** The summary list as key to value: Email address, Name, Role, Status, Partnerships. */
  async details(): Promise<Record<string, string>> {
    return this.summaryListOf(this.page.locator('.govuk-summary-list'));
  }

  async notice(): Promise<string | null> {
    const banner = this.page.locator('.govuk-notification-banner__content');
    return (await banner.count()) ? (await banner.innerText()).trim() : null;
  }

  /** Presses a button by its name and waits for the next page. */
  async press(name: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name, exact: true }).click()]);
  }

  async changeRole(label: string): Promise<void> {
    await this.page.getByLabel('Role', { exact: true }).selectOption({ label });
    await this.press('Change role');
  }
}
