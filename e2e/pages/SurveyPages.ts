import type { Locator, Page } from 'playwright-core';
import { BasePage } from './BasePage.js';

/** Clicks something that loads a new document and waits for it. */
async function navigate(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** What a survey page says about who can see the answers (start, first question, check and confirmation pages). */
export async function whoSeesAnswers(page: Page): Promise<string> {
  return (await page.locator('#who-sees-answers').innerText()).trim();
}

/** A partnership's public consultation hub. */
export class HubPage extends BasePage {
  async open(partnershipSlug: string): Promise<number> {
    return this.visit(`/p/${partnershipSlug}`);
  }

  async openConsultation(title: string): Promise<ConsultationPage> {
    await navigate(this.page, this.page.getByRole('link', { name: title, exact: true }));
    return new ConsultationPage(this.page, this.baseUrl);
  }
}

/** A consultation's own page: what it is for, its dates, privacy notice, "Start now". */
export class ConsultationPage extends BasePage {
  async startNow(): Promise<QuestionPage> {
    await navigate(this.page, this.page.getByRole('button', { name: 'Start now' }));
    return new QuestionPage(this.page, this.baseUrl);
  }
}

/** One page of survey questions. Grid rows and nested questions are found through their fieldset legends. */
export class QuestionPage extends BasePage {
  private within(groups: string[]): Locator | Page {
    let scope: Locator | Page = this.page;
    for (const name of groups) scope = scope.getByRole('group', { name, exact: true });
    return scope;
  }

  /** Chooses a radio option inside the fieldsets named (outermost first), e.g. a grid question then its row. */
  async choose(groups: string[], option: string): Promise<void> {
    await this.within(groups).getByRole('radio', { name: option, exact: true }).check();
  }

  async tick(group: string, options: string[]): Promise<void> {
    for (const option of options) await this.within([group]).getByRole('checkbox', { name: option, exact: true }).check();
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async fill(label: string, text: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(text);
  }

  async continue(): Promise<void> {
    await navigate(this.page, this.page.getByRole('button', { name: 'Continue' }));
  }

  /** Follows an error summary link and returns the id of the element it targets. */
  async errorLinkTargets(): Promise<string[]> {
    return (await this.errorSummary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((h) =>
      h.replace(/^#/, ''),
    );
  }

  async hasElementWithId(id: string): Promise<boolean> {
    return (await this.page.locator(`[id="${id}"]`).count()) === 1;
  }
}

/** "Check your answers before sending them". */
export class CheckAnswersPage extends BasePage {
  async answer(question: string): Promise<string> {
    const row = this.page.locator('.govuk-summary-list__row').filter({ has: this.page.locator('.govuk-summary-list__key', { hasText: question }) });
    return (await row.locator('.govuk-summary-list__value').innerText()).trim();
  }

  async send(): Promise<ConfirmationPage> {
    await navigate(this.page, this.page.getByRole('button', { name: 'Accept and send' }));
    return new ConfirmationPage(this.page, this.baseUrl);
  }
}

export class ConfirmationPage extends BasePage {
  async reference(): Promise<string> {
    return (await this.page.locator('.govuk-panel__body strong').innerText()).trim();
  }
}
