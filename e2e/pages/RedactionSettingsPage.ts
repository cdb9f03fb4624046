import { BasePage } from './BasePage.js';

/** An admin's setting for keeping residents' text as typed, and for how long. */
export class RedactionSettingsPage extends BasePage {
  async open(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/settings/redaction`);
  }

  async save(keep: 'Yes' | 'No', days: string): Promise<void> {
    await this.page.getByLabel(keep === 'Yes' ? 'Yes, for administrators only' : 'No, keep only the redacted text').check();
    await this.page.getByLabel('Days to keep it').fill(days);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save' }).click()]);
  }

  async days(): Promise<string> {
    return this.page.getByLabel('Days to keep it').inputValue();
  }

  /** The response page's "Text as typed, before redaction" summary lists, question to text. */
  async originalsOnResponsePage(consultationId: string, reference: string): Promise<Record<string, string>[]> {
    await this.visit(`/staff/consultations/${consultationId}/responses/${reference}`);
    const lists = this.page.locator('h2:has-text("Text as typed, before redaction") ~ .govuk-summary-list');
    const found: Record<string, string>[] = [];
    for (const list of await lists.all()) found.push(await this.summaryListOf(list));
    return found;
  }
}
