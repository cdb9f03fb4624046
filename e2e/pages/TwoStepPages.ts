import type { Locator } from 'playwright-core';
import { BasePage } from './BasePage.js';

/** The second step of signing in, its set-up and the recovery codes page (src/accounts/views/two-step-*.njk). */
export class TwoStepPages extends BasePage {
  get qrCode(): Locator {
    return this.page.getByRole('img', { name: 'QR code for your authenticator app' });
  }

  /** The key shown beside the QR code, spaces removed, as an authenticator app takes it. */
  async secretKey(): Promise<string> {
    return (await this.page.locator('#secret-key').innerText()).replace(/\s/g, '');
  }

  /** Types a code in the form's Code field and submits it; resolves once the next page has loaded. */
  async enterCode(code: string, button: 'Confirm and set up' | 'Continue'): Promise<void> {
    await this.page.getByLabel('Code', { exact: true }).fill(code);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: button }).click()]);
  }

  async openRecoveryCodeForm(): Promise<void> {
    await this.page.getByText('I cannot use my authenticator app').click();
  }

  async enterRecoveryCode(code: string): Promise<void> {
    await this.page.getByLabel('Recovery code').fill(code);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Use recovery code' }).click()]);
  }

  async recoveryCodes(): Promise<string[]> {
    return (await this.page.locator('#recovery-codes li').allInnerTexts()).map((t) => t.trim());
  }

  async panelTitle(): Promise<string> {
    return (await this.page.locator('.govuk-panel__title').innerText()).trim();
  }

  async continueToStaff(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'I have saved my recovery codes' }).click()]);
  }
}
