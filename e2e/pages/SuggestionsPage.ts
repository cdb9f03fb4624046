import { BasePage } from './BasePage.js';

/** Suggested themes beside a question's uncoded answers; candidate new themes to add to the codebook. */
export class SuggestionsPage extends BasePage {
  async open(consultationId: string, question = 'feel_safer'): Promise<number> {
    return this.visit(`/staff/consultations/${consultationId}/coding/suggestions?question=${question}`);
  }

  async suggestionCount(): Promise<number> {
    return this.page.locator('input[name="accept"]').count();
  }

  /** Ticks the first n suggestions. */
  async tick(n: number): Promise<void> {
    const boxes = this.page.locator('input[name="accept"]');
    for (let i = 0; i < n; i++) await boxes.nth(i).check();
  }

  async untickAll(): Promise<void> {
    const ticked = this.page.locator('input[name="accept"]:checked');
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
  }

  async tickedSuggestions(): Promise<number> {
    return this.page.locator('input[name="accept"]:checked').count();
  }

  async acceptTicked(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Accept the ticked suggestions' }).click()]);
  }

  async addFirstCandidate(name: string): Promise<void> {
    await this.page.locator('#candidate-0-name').fill(name);
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Add to codebook' }).first().click()]);
  }
}
