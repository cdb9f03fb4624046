import { BasePage } from './BasePage.js';

export class UsersPage extends BasePage {
  async open(): Promise<number> {
    return this.visit('/staff/users');
  }

  /** Email addresses in the "People who can sign in" table. */
  async userEmails(): Promise<string[]> {
    const table = this.page.locator('table', { has: this.page.locator('caption', { hasText: 'People who can sign in' }) });
    return (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
  }

  /** Follows a user's "Manage" link. */
  async manage(email: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name: `Manage ${email}`, exact: true }).click()]);
  }

  /** The role the "Add a user" form offers first. */
  async chosenNewRole(): Promise<string> {
    return (await this.page.locator('#role option:checked').innerText()).trim();
  }
}
