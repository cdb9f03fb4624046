import { BasePage } from './BasePage.js';

/** Any page a resident can reach without signing in: home, a partnership's hub, the statements, the 404 page. */
export class PublicPage extends BasePage {
  async open(path: string): Promise<number> {
    return this.visit(path);
  }

  async linkTexts(): Promise<string[]> {
    return (await this.page.locator('main a').allInnerTexts()).map((t) => t.trim());
  }

  async headerBrand(): Promise<string> {
    return (await this.page.locator('header .govuk-generic-header__homepage-link').innerText()).trim();
  }
}
