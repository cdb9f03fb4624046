import { BasePage } from './BasePage.js';

/** Staff keying in a paper response: channel, date received and the survey's questions on one page. */
export class KeyInPage extends BasePage {
  async open(consultationId: string): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/responses/new`);
  }

  async enter(received: { day: string; month: string; year: string }, answers: { label: string; option: string }[]): Promise<void> {
    await this.page.getByLabel('Paper').check();
    const date = this.page.getByRole('group', { name: 'Date received' });
    await date.getByLabel('Day').fill(received.day);
    await date.getByLabel('Month').fill(received.month);
    await date.getByLabel('Year').fill(received.year);
    for (const a of answers) await this.page.getByRole('group', { name: a.label }).getByLabel(a.option, { exact: true }).first().check();
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save response' }).click()]);
  }

  async successText(): Promise<string> {
    return (await this.page.locator('.govuk-notification-banner--success').innerText()).trim();
  }
}

/** Importing a file of responses, with the confirmation a second import of the same file asks for. */
export class ImportPage extends BasePage {
  async open(consultationId: string): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/import`);
  }

  async upload(file: { name: string; text: string }, confirmDuplicate = false): Promise<void> {
    if (confirmDuplicate) await this.page.getByLabel('These are different responses: import them again').check();
    await this.page.getByLabel('Upload a file').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Import responses' }).click()]);
  }

  async panelText(): Promise<string> {
    return (await this.page.locator('.govuk-panel').innerText()).replace(/\s+/g, ' ').trim();
  }
}
