import { BasePage } from './BasePage.js';

/** The staff's reports page, a report's progress page and the committee note's wording. */
export class ReportsPage extends BasePage {
  async open(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/reports`);
  }

  /** Chooses a report and a format, submits, and waits on the progress page (refreshing it) until the file is ready. */
  async make(kind: string, format: string): Promise<void> {
    await this.page.getByLabel(kind, { exact: true }).check();
    await this.page.getByLabel(format, { exact: true }).check();
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Make the report' }).click()]);
    for (let i = 0; i < 120 && !(await this.page.getByRole('link', { name: /^Download / }).count()); i++) {
      await this.page.waitForTimeout(250);
      await this.page.reload();
    }
  }

  downloadLink() {
    return this.page.getByRole('link', { name: /^Download / });
  }

  async openWording(consultationTitle: string): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.getByRole('link', { name: `Committee note wording for ${consultationTitle}` }).click(),
    ]);
  }

  async saveWording(label: string, text: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(text);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save the wording' }).click()]);
  }
}

/** What the public sees: a published consultation's results and the plan's progress. */
export class PublishedPage extends BasePage {
  async openResults(partnershipSlug: string, consultationSlug: string): Promise<number> {
    return this.visit(`/p/${partnershipSlug}/${consultationSlug}/results`);
  }

  async openPlan(partnershipSlug: string): Promise<number> {
    return this.visit(`/p/${partnershipSlug}/plan`);
  }
}
