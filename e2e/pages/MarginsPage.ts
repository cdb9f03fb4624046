import { BasePage } from './BasePage.js';

/** The partnership's saved population margins for weighting. */
export class MarginsPage extends BasePage {
  async open(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/margins`);
  }

  async margins(): Promise<string> {
    return this.page.getByLabel('Margins (CSV)').inputValue();
  }

  async save(margins: string): Promise<void> {
    await this.page.getByLabel('Margins (CSV)').fill(margins);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save margins' }).click()]);
  }
}
