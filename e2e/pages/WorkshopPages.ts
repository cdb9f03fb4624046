import type { Page } from 'playwright-core';
import { BasePage } from './BasePage.js';

/** Clicks a button or link that loads a new document and waits for it. */
async function loading(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
}

/** The staff's workshop pages: the list, the form, the workshop and the facilitator's capture screen. */
export class WorkshopPages extends BasePage {
  async openList(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/workshops`);
  }

  async press(name: string): Promise<void> {
    await loading(this.page, () => this.page.getByRole('button', { name, exact: true }).click());
  }

  /** Follows a link, or a GOV.UK button drawn as a link (role="button"), by its text. */
  async follow(name: string): Promise<void> {
    await loading(this.page, () => this.page.locator('a', { hasText: name }).first().click());
  }

  async createWorkshop(a: { title: string; day: string; month: string; year: string; theme: string; dots: string }): Promise<void> {
    await this.follow('New workshop');
    await this.page.getByLabel('Title').fill(a.title);
    await this.page.getByLabel('Day').fill(a.day);
    await this.page.getByLabel('Month').fill(a.month);
    await this.page.getByLabel('Year').fill(a.year);
    await this.page.getByRole('radio', { name: a.theme }).check();
    await this.page.getByLabel('Dots each attendee may place').fill(a.dots);
    await this.press('Save the workshop');
  }

  /** Types one idea where the capture screen leaves the focus, and presses Enter: the keyboard-only path. */
  async captureByKeyboard(idea: string): Promise<void> {
    await loading(this.page, async () => {
      await this.page.keyboard.type(idea);
      await this.page.keyboard.press('Enter');
    });
  }

  async capturedItems(): Promise<string[]> {
    return (await this.page.locator('ol.govuk-list--number li').allInnerTexts()).map((t) => t.trim());
  }

  async captureValue(): Promise<string> {
    return this.page.getByLabel('One idea').inputValue();
  }

  async priorityTotals(): Promise<[string, string][]> {
    const rows = await this.page.locator('#priority-totals tbody tr').all();
    const out: [string, string][] = [];
    for (const row of rows) {
      const cells = await row.locator('td').allInnerTexts();
      out.push([cells[0]?.trim() ?? '', cells[1]?.trim() ?? '']);
    }
    return out;
  }
}

/** An attendee's voting page, from their personal link. */
export class VotePage extends BasePage {
  async open(link: string): Promise<number> {
    return this.visit(link);
  }

  async placeDots(priority: string, dots: string): Promise<void> {
    await this.page.getByLabel(priority).selectOption(dots);
  }

  async save(): Promise<void> {
    await loading(this.page, () => this.page.getByRole('button', { name: 'Save my votes' }).click());
  }

  async banner(): Promise<string> {
    return (await this.page.locator('.govuk-notification-banner').innerText()).trim();
  }
}
