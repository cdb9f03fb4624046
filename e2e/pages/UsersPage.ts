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
}
