import { BasePage } from './BasePage.js';

/** The page a one-time reset link opens (/reset-password/:token). */
export class ResetPasswordPage extends BasePage {
  async open(path: string): Promise<number> {
    return this.visit(path);
  }

  async choose(password: string): Promise<void> {
    await this.page.getByLabel('New password', { exact: true }).fill(password);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Set new password' }).click()]);
  }

  async notice(): Promise<string | null> {
    const banner = this.page.locator('.govuk-notification-banner__content');
    return (await banner.count()) ? (await banner.innerText()).trim() : null;
  }
}
