import { BasePage } from './BasePage.js';

/** The Strategic Assessment and its matrix scores form. */
export class AssessmentPage extends BasePage {
  async open(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/assessment`);
  }

  maps() {
    return this.page.locator('figure svg[role="img"]');
  }

  async matrixRow(issue: string): Promise<string[]> {
    return (
      await this.page
        .getByRole('row', { name: new RegExp(issue) })
        .first()
        .getByRole('cell')
        .allInnerTexts()
    ).map((t) => t.trim());
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
