import type { Locator } from 'playwright-core';
import { BasePage } from './BasePage.js';

export class StaffHomePage extends BasePage {
  async open(): Promise<this> {
    await this.visit('/staff');
    return this;
  }

  /** The service navigation (Staff home, Users, Audit log for an admin). */
  async navigationLinks(): Promise<string[]> {
    return (await this.page.locator('.govuk-service-navigation__list a').allInnerTexts()).map((t) => t.trim());
  }

  navLink(text: 'Staff home' | 'Users' | 'Audit log'): Locator {
    return this.page.locator('.govuk-service-navigation__list').getByRole('link', { name: text, exact: true });
  }

  async partnershipNames(): Promise<string[]> {
    return (await this.page.locator('main ul.govuk-list li a').allInnerTexts()).map((t) => t.trim());
  }

  /** Follows a link in the service navigation, as a person would. */
  async goTo(text: 'Users' | 'Audit log'): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.navLink(text).click()]);
  }
}
