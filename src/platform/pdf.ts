/**
 * HTML to PDF through Chromium (playwright-core driving Debian's /usr/bin/chromium, or CHROMIUM_PATH); never a
 * browser that Playwright downloads. Without Chromium a PdfUnavailable error says what to install; the caller offers
 * its printable HTML page instead.
 */
import { existsSync } from 'node:fs';

export class PdfUnavailable extends Error {}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RenderPdfOptions {
  /** The Chromium executable (config.chromiumPath). */
  chromiumPath: string;
  /** Printed small at the foot of every page beside "Page N of M". */
  footer?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A4 PDF of a self-contained HTML document (styles inline): JavaScript off and every network request refused, so
 * nothing in the document can reach out. One browser per document: PDFs are made rarely, and nothing is left running.
 */
export async function renderPdf(html: string, { chromiumPath, footer = '' }: RenderPdfOptions): Promise<Buffer> {
  if (!existsSync(chromiumPath)) {
    throw new PdfUnavailable(
      `PDFs are made with Chromium, which was not found at ${chromiumPath}. Ask whoever runs SaferPlan to install it (on Debian: apt-get install chromium fonts-liberation) or to set CHROMIUM_PATH.`,
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS, headless: true });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-family: Arial, sans-serif; font-size: 8pt; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;"><span>${escapeHtml(footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    });
  } finally {
    await browser.close();
  }
}
