import type { Page } from 'playwright-core';
import { BasePage } from './BasePage.js';

/** Clicks a button or link that loads a new document and waits for it. */
async function loading(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
}

/** The plan pages: the partnership's plans, a plan with its priorities, evidence and versions, and the priority form. */
export class PlanPages extends BasePage {
  async openList(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/plans`);
  }

  async press(name: string): Promise<void> {
    await loading(this.page, () => this.page.getByRole('button', { name, exact: true }).click());
  }

  /** Follows the first link with this text (its accessible name may say more, for screen readers). */
  async follow(text: string): Promise<void> {
    await loading(this.page, () => this.page.locator('a', { hasText: text }).first().click());
  }

  /** The tags of the evidence shown as Current, Changed or No longer available. */
  async evidenceTags(): Promise<string[]> {
    return (await this.page.locator('.app-plan-evidence .govuk-tag').allInnerTexts()).map((t) => t.trim());
  }

  async priorityHeadings(): Promise<string[]> {
    return (await this.page.locator('.app-plan-priority h3').allInnerTexts()).map((t) => t.trim());
  }
}
