import { BasePage } from './BasePage.js';

/** An admin's page for the partnership's optional LLM: base URL, model, API key (never shown back). */
export class LlmSettingsPage extends BasePage {
  async open(partnershipId: string): Promise<number> {
    return this.visit(`/staff/partnerships/${partnershipId}/llm`);
  }

  async save(fields: { baseUrl: string; model: string; apiKey?: string }): Promise<void> {
    await this.page.getByLabel('Base URL').fill(fields.baseUrl);
    await this.page.getByLabel('Model').fill(fields.model);
    await this.page.getByLabel('API key').fill(fields.apiKey ?? '');
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Save LLM settings' }).click()]);
  }

  async remove(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('button', { name: 'Remove the LLM' }).click()]);
  }

  async values(): Promise<{ baseUrl: string; model: string; apiKey: string }> {
    return {
      baseUrl: await this.page.getByLabel('Base URL').inputValue(),
      model: await this.page.getByLabel('Model').inputValue(),
      apiKey: await this.page.getByLabel('API key').inputValue(),
    };
  }
}
