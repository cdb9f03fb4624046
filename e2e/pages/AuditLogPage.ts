import { BasePage } from './BasePage.js';

export interface AuditRow {
  when: string;
  who: string;
  what: string;
  record: string;
}

/** The audit log (/staff/audit): its GET filter form, the entries table, pagination and downloads. */
export class AuditLogPage extends BasePage {
  async open(query = ''): Promise<number> {
    return this.visit(`/staff/audit${query}`);
  }

  async rows(): Promise<AuditRow[]> {
    const rows = await this.page.locator('main table tbody tr').all();
    return Promise.all(
      rows.map(async (row) => {
        const [when = '', who = '', what = '', record = ''] = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
        return { when, who, what, record };
      }),
    );
  }

  /** "Showing 1 to 50 of 120 entries ...", or why there are none. */
  async summary(): Promise<string> {
    return (await this.page.locator('#entries-summary').innerText()).trim();
  }

  /** Fills the filter form (the fields given) and applies it. */
  async filter(options: { person?: string; action?: string; record?: string; from?: [string, string, string] }): Promise<void> {
    if (options.person !== undefined) await this.page.getByLabel('Person').fill(options.person);
    if (options.action) await this.page.getByLabel('Action').selectOption({ label: options.action });
    if (options.record) await this.page.getByLabel('Record').selectOption({ label: options.record });
    if (options.from) {
      const from = this.page.getByRole('group', { name: 'From' });
      const [day, month, year] = options.from;
      await from.getByLabel('Day').fill(day);
      await from.getByLabel('Month').fill(month);
      await from.getByLabel('Year').fill(year);
    }
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Apply filters' }).click()]);
  }

  /** Follows the pagination's "Next" link. */
  async nextPage(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name: /Next/ }).click()]);
  }

  async downloadLinks(): Promise<string[]> {
    return this.page.locator('main a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  }
}
