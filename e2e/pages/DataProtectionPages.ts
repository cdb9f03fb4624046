import { BasePage } from './BasePage.js';

/** The public withdrawal form, a consultation's data protection page and the subject access search. */
export class DataProtectionPages extends BasePage {
  open(path: string): Promise<number> {
    return this.visit(path);
  }

  async requestWithdrawal(reference: string, note = ''): Promise<void> {
    await this.page.getByLabel('Your reference number').fill(reference);
    await this.page.getByLabel('Anything you want to tell us (optional)').fill(note);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Send request' }).click()]);
  }

  async confirmFirstRequest(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page
        .getByRole('button', { name: /Confirm and withdraw/ })
        .first()
        .click(),
    ]);
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Name or email address').fill(text);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Search' }).click()]);
  }
}
