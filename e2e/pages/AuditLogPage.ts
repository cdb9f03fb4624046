import { BasePage } from './BasePage.js';

export interface AuditRow {
  when: string;
  who: string;
  what: string;
  record: string;
}

export class AuditLogPage extends BasePage {
  async open(): Promise<number> {
    return this.visit('/staff/audit');
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
}
