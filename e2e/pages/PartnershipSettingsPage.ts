import { BasePage } from './BasePage.js';

/** An admin's partnership settings: the smallest group whose results are shown. */
export class PartnershipSettingsPage extends BasePage {
  async open(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/settings`);
  }

  async save(minimum: string): Promise<void> {
    await this.page.getByLabel('Smallest group whose results are shown').fill(minimum);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save settings' }).click()]);
  }

  async minimum(): Promise<string> {
    return this.page.getByLabel('Smallest group whose results are shown').inputValue();
  }
}
