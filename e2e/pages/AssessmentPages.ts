import { BasePage } from './BasePage.js';

/** The Strategic Assessment and its matrix scores form. */
export class AssessmentPage extends BasePage {
  async open(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/assessment`);
  }

  maps() {
    return this.page.locator('figure svg[role="img"]');
  }

  /** The cells of the issue's row in the matrix table (after the matrix heading). */
  async matrixRow(issue: string): Promise<string[]> {
    const matrix = this.page.locator('h2#matrix ~ table').first();
    return (await matrix.locator('tr', { hasText: issue }).first().locator('td').allInnerTexts()).map((t) => t.trim());
  }

  async changeScores(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name: 'Change the matrix scores' }).click()]);
  }

  async setScore(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
  }

  async save(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save scores' }).click()]);
  }
}
