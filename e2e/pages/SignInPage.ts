import type { Locator } from 'playwright-core';
import { BasePage } from './BasePage.js';

export class SignInPage extends BasePage {
  async open(next?: string): Promise<this> {
    await this.visit(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
    return this;
  }

  get email(): Locator {
    return this.page.getByLabel('Email address');
  }

  get password(): Locator {
    return this.page.getByLabel('Password', { exact: true });
  }

  /** Fills and submits the real form; resolves once the next page has loaded (the staff home or this form again). */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  async fieldError(id: 'email' | 'password'): Promise<string | null> {
    const message = this.page.locator(`#${id}-error`);
    return (await message.count()) ? (await message.innerText()).replace(/^Error:\s*/, '').trim() : null;
  }
}
