import { BasePage } from './BasePage.js';

/** Theme coding (/staff/consultations/:id/coding): the overview, codebook, answer list, one answer, blind sample, results. */
export class CodingPages extends BasePage {
  async open(consultationId: string, tail = ''): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/coding${tail}`);
  }

  /** Follows a link by its text and waits for the next page. */
  async follow(name: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name, exact: true }).first().click()]);
  }

  /** Presses a button by its name and waits for the next page. */
  async press(name: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name, exact: true }).click()]);
  }

  async notice(): Promise<string | null> {
    const banner = this.page.locator('.govuk-notification-banner__content');
    return (await banner.count()) ? (await banner.innerText()).trim() : null;
  }

  /** The answer being coded, as shown. */
  async answerText(): Promise<string> {
    return (await this.page.locator('#answer-text').innerText()).trim();
  }

  /** Ticks themes by their names with the keyboard (Tab to the box, Space to tick), as an analyst codes fast. */
  async tickThemes(names: readonly string[]): Promise<void> {
    for (const name of names) {
      await this.page.getByRole('checkbox', { name, exact: true }).focus();
      await this.page.keyboard.press('Space');
    }
  }

  async checkedThemes(): Promise<string[]> {
    const boxes = await this.page.locator('input[name="themes"]:checked').all();
    return Promise.all(boxes.map(async (b) => (await this.page.locator(`label[for="${await b.getAttribute('id')}"]`).innerText()).trim()));
  }

  async writeNote(text: string): Promise<void> {
    await this.page.getByLabel('Note (optional)').fill(text);
  }

  async markQuotable(): Promise<void> {
    await this.page.getByRole('checkbox', { name: /Quotable/ }).check();
  }

  /** Saves with the keyboard: Enter in the note field submits with the first button, "Save and next". */
  async saveAndNext(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save and next', exact: true }).click()]);
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  /** The number of answers a list says it shows. */
  async answerCount(): Promise<number> {
    return Number(/(\d+) answers?/.exec(await this.page.locator('#answer-count').innerText())?.[1]);
  }

  /** A table's body rows (the nth table on the page), each cell's text. */
  async tableRows(index = 0): Promise<string[][]> {
    const rows = await this.page.locator('table').nth(index).locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('td, th').allInnerTexts()).map((t) => t.trim())));
  }

  async bodyText(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}
